// A recorded (or previewed) call volume analysis: first what it means in plain words, then the
// figures SPEC §5 asks for, the recommendation and the chart of projected daily calls. Used by
// the analysis form and by the request page, so both show the same thing the same way. The
// department sees the staffing terms (Erlang C, agent-hours) only when it opens them.
import type { CallProjection } from "~/analysis/callProjection";
import { DAILY_CALLS_CAPTION } from "~/analysis/chartCaption";
import { formatCount, formatDate, formatDecimal } from "~/format";
import { DailyCallsChart } from "./DailyCallsChart";
import { DateText } from "./DateText";

/** What the figures mean, in a sentence or two anyone can read. */
export function plainSummary(projection: CallProjection): string {
  const days = projection.daily.length;
  if (projection.peakDate === null || projection.totalCalls === 0) return "The 3-1-1 Contact Center expects no extra calls from this request.";
  const calls = `about ${formatCount(projection.totalCalls)} extra ${projection.totalCalls === 1 ? "call" : "calls"} over ${days} ${days === 1 ? "day" : "days"}`;
  const busiest = `the most on ${formatDate(projection.peakDate)} (${formatCount(projection.peakDayCalls)} calls)`;
  const staff =
    projection.extraAgentsAtPeak === 0
      ? "It can answer them with the staff it already has."
      : `To answer them, it needs ${formatCount(projection.extraAgentsAtPeak)} more Call ${projection.extraAgentsAtPeak === 1 ? "Specialist" : "Specialists"} at the busiest hour.`;
  return `The 3-1-1 Contact Center expects ${calls}, ${busiest}. ${staff}`;
}

export function AnalysisSummary({
  projection,
  recommendation,
  recorded,
  calibration,
  forDepartment = false,
}: {
  /** The projection with its chart already drawn on the server (withChart). */
  projection: CallProjection & { chartSvg: string };
  recommendation: string;
  /** Who recorded it and on which county date (YYYY-MM-DD), for a stored analysis; absent for a preview. */
  recorded?: { by: string; on: string };
  /** The calibration factor applied, in words (issue 19); absent for an analysis from before calibration. */
  calibration?: string | null;
  /** The requesting department: the staffing figures fold away under the plain summary. */
  forDepartment?: boolean;
}) {
  const days = projection.daily.length;
  const figures = (
    <dl className="portal-summary">
      <dt>Projected calls in total</dt>
      <dd data-testid="projected-total">{formatCount(projection.totalCalls)}</dd>
      {calibration ? (
        <>
          <dt>Calibration</dt>
          <dd data-testid="calibration">{calibration}</dd>
        </>
      ) : null}
      <dt>Projected calls per day</dt>
      <dd>
        {formatDecimal(days > 0 ? projection.totalCalls / days : 0)} on average over {days} days
      </dd>
      <dt>Busiest day</dt>
      <dd>
        {projection.peakDate ? (
          <>
            <DateText date={projection.peakDate} />: {formatCount(projection.peakDayCalls)} calls
          </>
        ) : (
          "No extra calls expected"
        )}
      </dd>
      <dt>Extra agent-hours</dt>
      <dd>{formatDecimal(projection.extraAgentHours)}</dd>
      <dt>Extra agents at the busiest hour</dt>
      <dd data-testid="extra-agents">
        {formatCount(projection.extraAgentsAtPeak)} (Erlang C, {formatDecimal(projection.peakHourCalls)} extra calls in that hour)
      </dd>
    </dl>
  );
  return (
    <div data-testid="analysis-summary">
      {recorded ? (
        <p className="margin-top-0" data-testid="analysis-recorded">
          Recorded by {recorded.by} on <DateText date={recorded.on} />.
        </p>
      ) : null}
      <p className="font-body-md" data-testid="analysis-plain">
        {plainSummary(projection)}
      </p>
      <h3 className="margin-bottom-05">Recommendation</h3>
      <p className="margin-top-0" data-testid="recommendation">
        {recommendation}
      </p>
      {forDepartment ? (
        <details className="margin-y-2">
          <summary>How the Contact Center worked it out</summary>
          {figures}
        </details>
      ) : (
        figures
      )}
      {days > 0 ? <DailyCallsChart daily={projection.daily} caption={DAILY_CALLS_CAPTION} svg={projection.chartSvg} /> : null}
    </div>
  );
}
