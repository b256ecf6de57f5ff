// A request's forecast against the calls that came (issue 19), on its page for the analysts and
// COM: totals and peak with their errors, whether the extra staffing was needed, and the daily
// chart with the actual calls as a second series (and the table of both).
import { Link } from "@remix-run/react";
import type { ForecastAgainstActual as Comparison } from "~/actuals/forecastVsActual";
import type { DailyCalls } from "~/analysis/callProjection";
import { formatCount, formatSignedCount } from "~/format";
import { DailyCallsChart } from "./DailyCallsChart";
import { DateText } from "./DateText";

const percent = (share: number) => `${share > 0 ? "+" : ""}${Math.round(share * 100)} %`;

export function ForecastAgainstActual({
  requestId,
  queues,
  comparison,
  staffing,
  daily,
  series,
  chartSvg,
  mayMapQueues,
}: {
  requestId: string;
  queues: string[];
  comparison: Comparison;
  staffing: { sentence: string } | null;
  daily: DailyCalls[];
  series: Array<number | null>;
  chartSvg: string;
  mayMapQueues: boolean;
}) {
  const mapLink = mayMapQueues ? (
    <Link to={`/requests/${requestId}/queues`} data-testid="map-queues">
      {queues.length === 0 ? "Tie this request to its queue codes" : "Change the queue codes"}
    </Link>
  ) : null;
  return (
    <section aria-labelledby="actual-calls-heading" className="margin-y-3" data-testid="forecast-against-actual">
      <h2 id="actual-calls-heading">Forecast against actual calls</h2>
      {queues.length === 0 ? (
        <p>No queue codes are tied to this request yet, so its actual calls cannot be found. {mapLink}</p>
      ) : (
        <>
          <p>
            Calls offered on {queues.join(", ")}. {mapLink}
          </p>
          {comparison.comparedDays === 0 ? (
            <p>No imported calls reach this request’s days yet.</p>
          ) : (
            <>
              <dl className="portal-summary">
                <dt>Days compared</dt>
                <dd>
                  {comparison.comparedDays} of {comparison.days.length}
                </dd>
                <dt>Calls: projected, actual</dt>
                <dd data-testid="actual-total">
                  {formatCount(comparison.forecastTotal)} projected, {formatCount(comparison.actualTotal)} actual
                </dd>
                <dt>Total error</dt>
                <dd data-testid="total-error">
                  {formatSignedCount(comparison.totalError)} calls{comparison.totalErrorShare === null ? "" : ` (${percent(comparison.totalErrorShare)} of the projection)`}
                </dd>
                <dt>Busiest day</dt>
                <dd data-testid="peak-error">
                  {comparison.forecastPeak ? (
                    <>
                      projected <DateText date={comparison.forecastPeak.date} />: {formatCount(comparison.forecastPeak.calls)};{" "}
                    </>
                  ) : null}
                  {comparison.actualPeak ? (
                    <>
                      actual <DateText date={comparison.actualPeak.date} />: {formatCount(comparison.actualPeak.calls)}
                    </>
                  ) : (
                    "no actual calls"
                  )}{" "}
                  (peak error {formatSignedCount(comparison.peakError)})
                </dd>
                <dt>Extra staffing</dt>
                <dd data-testid="staffing-verdict">{staffing?.sentence}</dd>
              </dl>
              <DailyCallsChart daily={daily} actual={series} caption="Projected and actual calls by day" svg={chartSvg} />
            </>
          )}
        </>
      )}
    </section>
  );
}
