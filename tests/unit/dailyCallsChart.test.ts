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
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain('role="img"');
    expect(html).toContain("200 calls over 3 days, at most 120 a day");
    expect(html).toMatch(/<th scope="row">2026-12-01<\/th><td>120<\/td>/);
  });
});
