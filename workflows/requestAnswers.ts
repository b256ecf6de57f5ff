// What a request of each type asks (SPEC §3, R10): its fields, their labels and the date rule.
// The zod schemas that check complete answers are in requestSchemas.ts: pages that only show
// answers load this file without zod (workflows/view.ts).
import { DATE_MESSAGE, isPortalDate } from "./notice";
import type { RequestType } from "./types";

export const MATERIALS_KINDS = ["mailing", "print", "web", "social_media", "event", "call_out"] as const;
export const MATERIALS_KIND_LABELS: Record<(typeof MATERIALS_KINDS)[number], string> = {
  mailing: "Mailing",
  print: "Print (flyers, posters, brochures)",
  web: "Web page",
  social_media: "Social media",
  event: "Event",
  call_out: "Call-out (robocall, text alert)",
};

/** Field names and their labels, in form order, for error summaries and the machine's refusals. */
export const FIELD_LABELS = {
  title: "Title",
  description: "Description",
  effectiveDate: "Effective date",
  materialsKind: "Kind of materials",
  audienceSize: "Audience size",
  endDate: "End date",
  languages: "Languages",
  unitOrLine: "Unit or line",
  callsPerMonth: "Calls a month",
  routing: "Permanent or temporary",
  systemName: "Automated response system",
  contactName: "Contact person",
  contactPhone: "Contact phone",
} as const;

export type AnswerField = keyof typeof FIELD_LABELS;

/** The answers a request keeps, as text: what the form posts and what a draft stores. */
export type RequestAnswers = Partial<Record<AnswerField, string>> & { type: RequestType };

/**
 * R10: temporary call routing ends on or after its effective date and permanent routing has no end;
 * materials have a distribution window that does not end before it starts. Null when the dates agree.
 */
export function endDateProblem(answers: {
  type: RequestType;
  effectiveDate?: string;
  endDate?: string;
  routing?: string;
}): string | null {
  const end = answers.endDate ?? "";
  const start = answers.effectiveDate ?? "";
  if (answers.type === "materials") {
    if (!end) return "Enter the last distribution date: materials have a distribution window";
    if (!isPortalDate(end)) return DATE_MESSAGE;
    return isPortalDate(start) && end < start ? "The last distribution date must be on or after the first" : null;
  }
  if (answers.type !== "call_routing") return null;
  if (answers.routing === "permanent") return end ? "Permanent call routing has no end date" : null;
  if (answers.routing !== "temporary") return null;
  if (!end) return "Enter the end date: temporary routing needs one";
  if (!isPortalDate(end)) return DATE_MESSAGE;
  return isPortalDate(start) && end < start ? "The end date must be on or after the first day calls are routed" : null;
}

export const ROUTINGS = ["permanent", "temporary"] as const;
export const COUNT = /^\d{1,9}$/;
export const COUNT_MESSAGE = "Enter a whole number, like 5000";
export const MATERIALS_KIND_MESSAGE = "Choose the kind of materials";
export const ROUTING_MESSAGE = "Choose permanent or temporary";

/** The facts the rules read from complete answers (R4–R10). */
export interface RequestFacts {
  type: RequestType;
  /** First distribution of materials, or first day calls are routed (R7). YYYY-MM-DD. */
  effectiveDate: string;
  /** Temporary call routing ends on this date; materials' last distribution date. */
  endDate: string | null;
}

export function factsOf(answers: RequestAnswers): RequestFacts {
  const hasEnd = answers.type === "materials" || (answers.type === "call_routing" && answers.routing === "temporary");
  return {
    type: answers.type,
    effectiveDate: answers.effectiveDate ?? "",
    endDate: hasEnd ? answers.endDate || null : null,
  };
}
