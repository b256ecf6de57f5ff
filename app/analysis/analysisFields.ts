// What the analysis form asks for each request type (SPEC §5), in order, with the words a
// Contact Center analyst uses. The form, the error summary and the stored-analysis summary
// read this one list, so a figure is named the same everywhere.
import type { RequestType } from "workflows/view";

export interface AnalysisField {
  name: string;
  label: string;
  hint?: string;
  kind: "number" | "date" | "routing";
}

const materials: AnalysisField[] = [
  { name: "audienceSize", label: "Audience size", hint: "Pieces mailed or people reached.", kind: "number" },
  {
    name: "responseRate",
    label: "Expected response rate",
    hint: "Share of the audience expected to call, as a decimal: 0.02 is 2 %.",
    kind: "number",
  },
  { name: "firstDistributionDate", label: "First distribution date", hint: "The day the first materials go out.", kind: "date" },
  { name: "lastDistributionDate", label: "Last distribution date", hint: "The day the last materials go out.", kind: "date" },
];

const callRouting: AnalysisField[] = [
  { name: "callsPerMonth", label: "Current calls a month", hint: "Calls the department's line gets now.", kind: "number" },
  {
    name: "shareAt311",
    label: "Share expected at 3-1-1",
    hint: "Share of those calls that will reach 3-1-1, as a decimal: 0.6 is 60 %.",
    kind: "number",
  },
  { name: "routing", label: "Permanent or temporary routing", kind: "routing" },
  { name: "startDate", label: "Start date", hint: "First day calls are routed.", kind: "date" },
  { name: "endDate", label: "End date", hint: "Temporary routing only: last day calls are routed.", kind: "date" },
];

const automatedResponse: AnalysisField[] = [
  {
    name: "transferredCallsPerMonth",
    label: "Calls transferred a month",
    hint: "Calls 3-1-1 transfers to the department now, that will go to the automated system.",
    kind: "number",
  },
  {
    name: "handledBySystemShare",
    label: "Share handled by the system",
    hint: "Share of callers the system serves without calling 3-1-1 again, as a decimal: 0.7 is 70 %.",
    kind: "number",
  },
  { name: "startDate", label: "Start date", hint: "First day calls go to the system.", kind: "date" },
];

/** Fields every analysis has: the Center's handle time and service target (SPEC §5). */
export const COMMON_ANALYSIS_FIELDS: AnalysisField[] = [
  { name: "handleTimeMinutes", label: "Average handle time (minutes)", kind: "number" },
  {
    name: "targetServiceLevel",
    label: "Target service level",
    hint: "Share of calls answered within the target time, as a decimal: 0.8 is 80 %.",
    kind: "number",
  },
  { name: "targetAnswerSeconds", label: "Target answer time (seconds)", kind: "number" },
  { name: "businessHoursPerDay", label: "Business hours a day", kind: "number" },
  {
    name: "peakHourShare",
    label: "Peak-hour share (optional)",
    hint: "Share of a day's calls in its busiest hour. Leave blank to assume 1.2 ÷ business hours.",
    kind: "number",
  },
  {
    name: "baselineCallsPerHour",
    label: "Current calls in the peak hour (optional)",
    hint: "Calls the Center already gets in that hour. Leave blank to staff the new calls on their own.",
    kind: "number",
  },
];

export const TYPE_ANALYSIS_FIELDS: Record<RequestType, AnalysisField[]> = {
  materials,
  call_routing: callRouting,
  automated_response: automatedResponse,
};

/** The analyst's own recommendation, posted beside the calculator's inputs. */
export const RECOMMENDATION_FIELD = "recommendation";
