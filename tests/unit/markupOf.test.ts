// Markup made once for the same props (app/http/serverMarkup.server.ts, decision 0038): the same
// props give the very markup made before, without rendering again; any change of a prop renders
// afresh, so what is kept is never older than the data it shows.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { CommentList } from "../../app/components/CommentList";
import { markupOf } from "../../app/http/serverMarkup.server";

let renders = 0;
function Counted({ words }: { words: string[] }) {
  renders++;
  return createElement("ul", null, ...words.map((w, i) => createElement("li", { key: i }, w)));
}

describe("markupOf", () => {
  it("renders once for the same props, and again for any other", () => {
    const first = markupOf("counted", Counted, { words: ["a", "b"] });
    expect(first).toBe("<ul><li>a</li><li>b</li></ul>");
    expect(markupOf("counted", Counted, { words: ["a", "b"] })).toBe(first);
    expect(renders).toBe(1);
    expect(markupOf("counted", Counted, { words: ["a", "b", "c"] })).toBe("<ul><li>a</li><li>b</li><li>c</li></ul>");
    expect(renders).toBe(2);
  });

  it("escapes what people wrote, as any React render does", () => {
    const at = { iso: "2026-12-04T15:00:00.000Z", text: "Fri, Dec 4, 2026, 10:00 AM" };
    const html = markupOf("comments", CommentList, { comments: [{ id: "c1", author: "Dana <Director>", body: `Fish & "chips" <script>`, at }] });
    expect(html).toContain("Dana &lt;Director&gt;");
    expect(html).toContain("Fish &amp; &quot;chips&quot; &lt;script&gt;");
    expect(html).not.toContain("<script>");
  });
});
