// The request form's schemas (issue 4): a complete request of each type is defined in
// workflows/requestAnswers.ts, which the machine checks submissions with; the form adds the
// notice limit (R4–R9) before submitting, and a looser schema for saving a draft.
import * as z from "~/forms/zod";
import { answerProblems, COUNT, COUNT_MESSAGE, DATE_MESSAGE, isPortalDate, MATERIALS_KIND_MESSAGE, MATERIALS_KINDS, REQUEST_TYPES, requestSchemas, ROUTING_MESSAGE, ROUTINGS, type RequestType } from "workflows";

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
      if (isPortalDate(v.effectiveDate) && v.effectiveDate < notice.earliest) {
        ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: notice.message });
      }
    }),
  );
}

/** A draft's field: may be blank; what is typed must fit `valid` (a submission's own rule for it). */
const draftField = (max: number, valid?: { check: (v: string) => boolean; message: string }) =>
  z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(max, `Use ${max} characters or fewer`),
      z.refine((v) => !valid || v === "" || valid.check(v), valid?.message),
    ),
  );
const oneOf = (values: readonly string[]) => (v: string) => values.includes(v);

/**
 * A draft may be incomplete: only the type is needed. What is typed is kept only when a
 * submission could use it: real dates, whole numbers, a kind and a routing from the lists.
 */
export const draftSchema = z.object({
  type: z.enum(REQUEST_TYPES, "Choose the type of request"),
  title: draftField(200),
  description: draftField(4000),
  effectiveDate: draftField(10, { check: isPortalDate, message: DATE_MESSAGE }),
  endDate: draftField(10, { check: isPortalDate, message: DATE_MESSAGE }),
  routing: draftField(10, { check: oneOf(ROUTINGS), message: ROUTING_MESSAGE }),
  contactName: draftField(120),
  contactPhone: draftField(40),
  materialsKind: draftField(20, { check: oneOf(MATERIALS_KINDS), message: MATERIALS_KIND_MESSAGE }),
  audienceSize: draftField(9, { check: (v) => COUNT.test(v), message: COUNT_MESSAGE }),
  languages: draftField(200),
  unitOrLine: draftField(200),
  callsPerMonth: draftField(9, { check: (v) => COUNT.test(v), message: COUNT_MESSAGE }),
  systemName: draftField(200),
});

/** Field → first message, for the form's error summary. */
export function fieldErrors(
  type: RequestType,
  answers: Record<string, unknown>,
  schema: z.ZodMiniType = requestSchemas[type],
): Record<string, string> {
  return Object.fromEntries(answerProblems({ ...answers, type }, schema).map((p) => [p.field, p.message]));
}

/** Which button posted the new-request form, and the edit form: checked before the answers. */
export const newRequestIntentSchema = z.enum(["continue", "draft"]);
export const editIntentSchema = z.enum(["save", "continue", "resubmit"]);
