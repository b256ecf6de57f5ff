// What a complete request of each type says (SPEC §3, R10): one zod schema per type. The form
// checks answers with it in the browser and on the server; the machine checks a submission with
// it again, so that it never trusts a verdict computed elsewhere.
import * as z from "zod/mini";
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

const text = (message: string, max = 200) =>
  z.string().check(z.trim(), z.minLength(1, message), z.maxLength(max, `Use ${max} characters or fewer`));
const date = (message: string) =>
  z.string().check(z.trim(), z.minLength(1, message), z.refine(isPortalDate, DATE_MESSAGE));
const count = (message: string) =>
  z.string().check(z.trim(), z.minLength(1, message), z.regex(COUNT, COUNT_MESSAGE));

const common = {
  title: text("Enter a short title for the request"),
  description: text("Describe what the request is for", 4000),
  effectiveDate: date("Enter the effective date"),
  contactName: text("Enter the name of the contact person", 120),
  contactPhone: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Enter the contact person's phone number"),
      z.regex(/^[0-9()+\-.\s]{7,20}(\s*(x|ext\.?)\s*\d{1,6})?$/i, "Enter a phone number, like 240-777-0311"),
    ),
};

/** R10 as a check on the end date, once the fields themselves are well formed. */
const endDateRule = z.superRefine((v: { type: RequestType; effectiveDate: string; endDate?: string; routing?: string }, ctx) => {
  const problem = endDateProblem(v);
  if (problem) ctx.addIssue({ code: "custom", path: ["endDate"], message: problem });
});

export const materialsSchema = z
  .object({
    type: z.literal("materials"),
    ...common,
    materialsKind: z.enum(MATERIALS_KINDS, MATERIALS_KIND_MESSAGE),
    audienceSize: count("Enter how many people the materials will reach"),
    endDate: date("Enter the last distribution date: materials have a distribution window"),
    languages: text("Enter the languages, like English, Spanish", 200),
  })
  .check(endDateRule);

export const callRoutingSchema = z
  .object({
    type: z.literal("call_routing"),
    ...common,
    unitOrLine: text("Enter the unit or phone line whose calls will be routed"),
    callsPerMonth: count("Enter about how many calls a month the line receives now"),
    routing: z.enum(ROUTINGS, ROUTING_MESSAGE),
    endDate: z._default(z.optional(z.string().check(z.trim())), ""),
  })
  .check(endDateRule);

export const automatedResponseSchema = z.object({
  type: z.literal("automated_response"),
  ...common,
  systemName: text("Enter the automated response system"),
});

export const requestSchemas = {
  materials: materialsSchema,
  call_routing: callRoutingSchema,
  automated_response: automatedResponseSchema,
} as const;

export interface AnswerProblem {
  field: string;
  label: string;
  message: string;
}

/** What keeps these answers from being a complete request of their type, field by field (first problem each). */
export function answerProblems(
  answers: { type: RequestType } & Record<string, unknown>,
  schema: z.ZodMiniType = requestSchemas[answers.type],
): AnswerProblem[] {
  const result = schema.safeParse(answers);
  if (result.success) return [];
  const problems = new Map<string, AnswerProblem>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!problems.has(field)) {
      problems.set(field, { field, label: FIELD_LABELS[field as AnswerField] ?? field, message: issue.message });
    }
  }
  return [...problems.values()];
}

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
