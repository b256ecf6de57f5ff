// Markup a loader made on the server (the calendar's month, issue 17) goes to the page once,
// through server.ts's whole stack: a document carries it in its HTML and not again in the data
// written into it for hydration; a single-fetch data request (a navigation in the page) gets it in
// the loader's data. Escaping is React's: the markup is made with renderToStaticMarkup.
import { createElement } from "react";
import type { AppLoadContext } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerMarkup } from "../../app/components/ServerMarkup";
import { markupForAnswer } from "../../app/http/serverMarkup.server";
import { listen, stubBuild } from "../support/stubBuild";

const MADE = renderToStaticMarkup(createElement("table", { "data-testid": "made" }, createElement("caption", null, `Fish & "chips" <b>`)));

function Page() {
  const { html } = useLoaderData<{ html: string | null }>();
  return createElement(ServerMarkup, { name: "made", html });
}

const build = stubBuild({
  "routes/page": {
    path: "page",
    module: {
      loader: ({ context }: { context: AppLoadContext }) => ({ html: markupForAnswer(context, "made", MADE) }),
      default: Page,
    },
  },
});

let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ base, close } = await listen(build));
});
afterAll(() => close());

async function textOf(path: string): Promise<string> {
  const response = await fetch(base + path);
  expect(response.status).toBe(200);
  return response.text();
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("markup made on the server is sent once (components/ServerMarkup.tsx)", () => {
  it("a document carries it in its HTML, escaped, and not in the data written into it", async () => {
    const html = await textOf("/page");
    expect(MADE).toContain("Fish &amp; &quot;chips&quot; &lt;b&gt;");
    expect(html).toContain(`<div>${MADE}</div>`);
    expect(occurrences(html, "caption")).toBe(2);
    // The loaders' data, as written into the document for hydration: the key, without the markup.
    const written = html.slice(html.indexOf("streamController.enqueue("));
    expect(written).toContain('\\"html\\"');
    expect(written).not.toContain("caption");
  });

  it("a data request (a navigation in the page) gets it in the loader's data", async () => {
    const data = await textOf("/page.data");
    expect(data).toContain(JSON.stringify(MADE));
  });
});
