// A recorded (or previewed) call volume analysis: the figures SPEC §5 asks for, the
// recommendation and the chart of projected daily calls. Used by the analysis form and by
// the request page, so both show the same thing the same way.
import type { CallProjection } from "~/analysis/callProjection";
import { DAILY_CALLS_CAPTION } from "~/analysis/chartCaption";
import { DailyCallsChart } from "./DailyCallsChart";
import { formatCount, formatDecimal } from "~/format";


export function AnalysisSummary({
  projection,
  recommendation,
  recordedBy,
}: {
  /** The projection with its chart already drawn on the server (withChart). */
  projection: CallProjection & { chartSvg: string };
  recommendation: string;
  /** "Ana Analyst on Nov 24, 2026", for a stored analysis; absent for a preview. */
  recordedBy?: string;
}) {
  const days = projection.daily.length;
  return (
    <div data-testid="analysis-summary">
      {recordedBy ? <p className="margin-top-0">Recorded by {recordedBy}.</p> : null}
      <dl className="portal-summary">
        <dt>Projected calls in total</dt>
        <dd data-testid="projected-total">{formatCount(projection.totalCalls)}</dd>
        <dt>Projected calls per day</dt>
        <dd>
          {formatDecimal(days > 0 ? projection.totalCalls / days : 0)} on average over {days} days
        </dd>
        <dt>Peak day</dt>
        <dd>
          {projection.peakDate
            ? `${projection.peakDate}: ${formatCount(projection.peakDayCalls)} calls`
            : "No extra calls expected"}
        </dd>
        <dt>Extra agent-hours</dt>
        <dd>{formatDecimal(projection.extraAgentHours)}</dd>
        <dt>Extra agents at the peak hour</dt>
        <dd data-testid="extra-agents">
          {formatCount(projection.extraAgentsAtPeak)} (Erlang C, {formatDecimal(projection.peakHourCalls)} extra calls in
          that hour)
        </dd>
        <dt>Recommendation</dt>
        <dd data-testid="recommendation">{recommendation}</dd>
      </dl>
      {days > 0 ? <DailyCallsChart daily={projection.daily} caption={DAILY_CALLS_CAPTION} svg={projection.chartSvg} /> : null}
    </div>
  );
}
