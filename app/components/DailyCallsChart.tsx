// The chart of projected daily calls, drawn on the server (app/analysis/dailyCallsSvg.server.tsx),
// with a table of the same numbers for screen readers and anyone who prefers figures to bars
// (WCAG 1.1.1).
import type { DailyCalls } from "~/analysis/callProjection";
import { formatCount, formatSignedCount } from "~/format";
import { DateText } from "./DateText";

/** With `actual` (issue 19), the table gives each day's actual calls and the difference too. */
export function DailyCallsChart({ daily, caption, svg, actual }: { daily: DailyCalls[]; caption: string; svg: string; actual?: Array<number | null> }) {
  return (
    <figure className="portal-chart margin-x-0">
      {/* Markup made by React on the server from numbers and dates only: a wide and a narrow drawing, one shown by width. */}
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{caption}</figcaption>
      <details className="margin-top-1">
        <summary>{actual ? "Projected and actual calls by day, as a table" : "Projected calls by day, as a table"}</summary>
        <table className="usa-table usa-table--borderless usa-table--compact" data-testid="daily-calls-table">
          <caption className="usa-sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Projected calls</th>
              {actual ? (
                <>
                  <th scope="col">Actual calls</th>
                  <th scope="col">Actual − projected</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {daily.map((d, i) => (
              <tr key={d.date}>
                <th scope="row">
                  <DateText date={d.date} />
                </th>
                <td>{formatCount(d.calls)}</td>
                {actual ? (
                  <>
                    <td>{actual[i] === null || actual[i] === undefined ? "not imported yet" : formatCount(actual[i])}</td>
                    <td>{actual[i] === null || actual[i] === undefined ? "–" : formatSignedCount(actual[i] - d.calls)}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
