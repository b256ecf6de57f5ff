// The chart of projected daily calls, drawn on the server (app/analysis/dailyCallsSvg.server.tsx),
// with a table of the same numbers for screen readers and anyone who prefers figures to bars
// (WCAG 1.1.1).
import type { DailyCalls } from "~/analysis/callProjection";
import { formatCount } from "~/format";
import { DateText } from "./DateText";

export function DailyCallsChart({ daily, caption, svg }: { daily: DailyCalls[]; caption: string; svg: string }) {
  return (
    <figure className="portal-chart margin-x-0">
      {/* Markup made by React on the server from numbers and dates only: a wide and a narrow drawing, one shown by width. */}
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{caption}</figcaption>
      <details className="margin-top-1">
        <summary>Projected calls by day, as a table</summary>
        <table className="usa-table usa-table--borderless usa-table--compact" data-testid="daily-calls-table">
          <caption className="usa-sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Projected calls</th>
            </tr>
          </thead>
          <tbody>
            {daily.map((d) => (
              <tr key={d.date}>
                <th scope="row">
                  <DateText date={d.date} />
                </th>
                <td>{formatCount(d.calls)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
