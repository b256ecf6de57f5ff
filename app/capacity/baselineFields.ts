// The staffing baseline forms' field names, apart from their zod schemas (baselineForm.ts): the
// page imports these, and its forms fetch the schemas on first use (useLazyForm).
import { HOURS } from "./combinedStaffing";

export const callsName = (hour: number) => `calls${hour}`;
export const agentsName = (hour: number) => `agents${hour}`;

export const PERIOD_FIELDS = ["from", "to"] as const;

/** The weekday form's fields in page order, for its error summary. */
export const WEEKDAY_FIELDS = Array.from({ length: HOURS }, (_, hour) => [callsName(hour), agentsName(hour)]).flat();
