// The chart of projected daily calls is drawn on the server (no browser APIs), so it shows
// without JavaScript, with a table carrying the same numbers (SPEC §5, R17).
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dailyCallsSvg } from "../../app/analysis/dailyCallsSvg.server";
import { DailyCallsChart } from "../../app/components/DailyCallsChart";

describe("DailyCallsChart", () => {
  it("draws one bar per day and a table of the same figures", () => {
    const daily = [
      { date: "2026-12-01", calls: 120 },
      { date: "2026-12-02", calls: 80 },
      { date: "2026-12-03", calls: 0 },
    ];
    const svg = dailyCallsSvg(daily);
    const html = renderToString(createElement(DailyCallsChart, { daily, caption: "Projected calls", svg }));
    // A wide and a narrow drawing (phones), each a bar a day.
    expect(html.match(/<rect /g)).toHaveLength(6);
    expect(html).toContain('role="img"');
    expect(html).toContain("200 calls over 3 days, at most 120 a day");
    expect(html).toMatch(/<th scope="row"><time dateTime="2026-12-01" class="portal-date">Tue, Dec 1, 2026<\/time><\/th><td>120<\/td>/);
  });

  it("has no inline style, which the Content-Security-Policy would block (issue 13)", () => {
    const svg = dailyCallsSvg([{ date: "2026-12-10", calls: 40 }]);
    expect(svg).not.toMatch(/\sstyle=/);
    // The axes are labelled, with dates as people read them.
    expect(svg).toContain(">Calls</text>");
    expect(svg).toContain(">Dec 10</text>");
  });
});
