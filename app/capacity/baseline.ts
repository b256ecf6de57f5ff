// The Contact Center's staffing baseline (issue 19): its normal calls and planned agents by
// weekday and hour, and the service target it staffs to (SPEC §5). Shared by the baseline page,
// its CSV import and the combined staffing.

export interface BaselineHour {
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** 0 … 23, local time. */
  hour: number;
  calls: number;
  agents: number;
}

export interface StaffingTarget {
  handleTimeSeconds: number;
  /** Share of calls answered within targetAnswerSeconds, between 0 and 1. */
  targetServiceLevel: number;
  targetAnswerSeconds: number;
}

export interface StaffingBaseline {
  /** Only the hours set; any other is closed. */
  hours: BaselineHour[];
  target: StaffingTarget;
}

/** The columns of a baseline CSV file, in any order, after a header naming them. */
export const BASELINE_COLUMNS = ["weekday", "hour", "calls", "agents"] as const;

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The same bounds as the analysis form's "current calls in the peak hour". */
export const MAX_CALLS_PER_HOUR = 100_000;
export const MAX_AGENTS = 10_000;

/** SPEC §5's default service target: 80 % of calls answered within 60 seconds. */
export const DEFAULT_SERVICE_LEVEL = 0.8;
export const DEFAULT_ANSWER_SECONDS = 60;

/** "08:00–09:00", the hour as the pages and e-mails name it. */
export function hourLabel(hour: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(hour)}:00–${two((hour + 1) % 24)}:00`;
}
