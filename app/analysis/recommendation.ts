// The analyst's starting recommendation in plain words (SPEC §5). Thresholds are deliberately
// simple so the analyst can explain them: under one agent-hour of extra work on the busiest
// day the Center absorbs the calls in its normal slack; from IVR_SUGGESTED_FROM_AGENTS extra
// agents for a mailing, a recorded message answering its common questions is usually cheaper
// than staff for a burst that fades within days.
import { formatDate } from "workflows/view";
import type { ProjectionInput } from "./projectionInput";
import { formatCount, formatDecimal } from "../format";

export const NO_CHANGE_BELOW_AGENT_HOURS = 1;
export const IVR_SUGGESTED_FROM_AGENTS = 3;


function agents(n: number): string {
  return `${formatCount(n)} agent${n === 1 ? "" : "s"}`;
}

function when(input: ProjectionInput, peakDate: string): string {
  switch (input.type) {
    case "materials":
      return `on ${formatDate(peakDate)}, tapering over the following days`;
    case "call_routing":
      return input.routing === "temporary" && input.endDate
        ? `from ${formatDate(input.startDate)} to ${formatDate(input.endDate)}`
        : `from ${formatDate(input.startDate)} onward, in the standing schedule`;
    case "automated_response":
      return `from ${formatDate(input.startDate)} onward, in the standing schedule`;
  }
}

export function recommendation(projection: {
  input: ProjectionInput;
  peakDate: string | null;
  peakDayCalls: number;
  extraAgentsAtPeak: number;
}): string {
  const { input, peakDate, peakDayCalls, extraAgentsAtPeak } = projection;
  if (peakDate === null || peakDayCalls === 0) return "No extra calls expected. No schedule change needed.";

  const peakDayHours = (peakDayCalls * input.handleTimeMinutes) / 60;
  if (extraAgentsAtPeak === 0 || peakDayHours < NO_CHANGE_BELOW_AGENT_HOURS) {
    return (
      `No schedule change needed: the busiest day, ${formatDate(peakDate)}, adds about ` +
      `${formatCount(peakDayCalls)} calls (${formatDecimal(peakDayHours)} agent-hours).`
    );
  }

  const add =
    `Add ${agents(extraAgentsAtPeak)} at the peak hour ${when(input, peakDate)} ` +
    `(about ${formatCount(peakDayCalls)} extra calls on the busiest day).`;
  if (input.type === "materials" && extraAgentsAtPeak >= IVR_SUGGESTED_FROM_AGENTS) {
    return `${add} Consider a recorded IVR message that answers the mailing's common questions.`;
  }
  return add;
}
