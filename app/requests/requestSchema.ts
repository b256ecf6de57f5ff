// The request form's schemas (issue 4): a complete request of each type is defined in
// workflows/requestAnswers.ts, which the machine checks submissions with; the form adds the
// notice limit (R4–R9) before submitting, and a looser schema for saving a draft.
import * as z from "~/forms/zod";
import { answerProblems, isCalendarDate, REQUEST_TYPES, requestSchemas, type RequestType } from "workflows";

/**
 * R4, R5, R7, R9: the earliest effective date the form accepts, and what to say when the
 * date is earlier. The server works it out for the request; the browser gets the same pair,
 * so both check with one schema. The machine still has the final word at submission.
 */
export interface NoticeLimit {
  earliest: string;
  message: string;
}

/** The type's schema, with the notice limit when the answers are to be submitted. */
export function formSchema(type: RequestType, notice: NoticeLimit | null): z.ZodMiniType<{ effectiveDate: string }> {
  const schema: z.ZodMiniType<{ effectiveDate: string }> = requestSchemas[type];
  if (!notice) return schema;
  return schema.check(
    z.superRefine((v, ctx) => {
      if (isCalendarDate(v.effectiveDate) && v.effectiveDate < notice.earliest) {
        ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: notice.message });
      }
    }),
  );
}

const draftText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `Use ${max} characters or fewer`)));

/** A draft may be incomplete: only the type is needed, and nothing may be overlong. */
export const draftSchema = z.object({
  type: z.enum(REQUEST_TYPES, "Choose the type of request"),
  title: draftText(200),
  description: draftText(4000),
  effectiveDate: draftText(10),
  endDate: draftText(10),
  routing: draftText(10),
  contactName: draftText(120),
  contactPhone: draftText(40),
  materialsKind: draftText(20),
  audienceSize: draftText(9),
  languages: draftText(200),
  unitOrLine: draftText(200),
  callsPerMonth: draftText(9),
  systemName: draftText(200),
});

/** Field → first message, for the form's error summary. */
export function fieldErrors(
  type: RequestType,
  answers: Record<string, unknown>,
  schema: z.ZodMiniType = requestSchemas[type],
): Record<string, string> {
  return Object.fromEntries(answerProblems({ ...answers, type }, schema).map((p) => [p.field, p.message]));
}
