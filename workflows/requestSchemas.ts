// What a complete request of each type says (SPEC §3, R10): one zod schema per type. The form
// checks answers with it in the browser and on the server; the machine checks a submission with
// it again, so that it never trusts a verdict computed elsewhere.
// Apart from requestAnswers.ts, which pages that only show answers load: a file any page reaches
// is in that page's scripts with all its code (esbuild splits by file), and these schemas bring
// zod (10 KB) along. workflows/view.ts leaves this file out.
import * as z from "zod/mini";
import { DATE_MESSAGE, isPortalDate } from "./notice";
import { COUNT, COUNT_MESSAGE, endDateProblem, FIELD_LABELS, MATERIALS_KIND_MESSAGE, MATERIALS_KINDS, ROUTING_MESSAGE, ROUTINGS, type AnswerField } from "./requestAnswers";
import type { RequestType } from "./types";

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
