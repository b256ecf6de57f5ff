// One zod schema per request type (SPEC §3, issue 4): used by the form on the client,
// by the action on the server, and to tell the machine what a submission lacks.
import * as z from "~/forms/zod";
import { isCalendarDate } from "../../workflows/notice";
import { REQUEST_TYPES, type RequestFacts, type RequestType } from "../../workflows/types";

export const MATERIALS_KINDS = ["mailing", "print", "web", "social_media", "event", "call_out"] as const;
export const MATERIALS_KIND_LABELS: Record<(typeof MATERIALS_KINDS)[number], string> = {
  mailing: "Mailing",
  print: "Print (flyers, posters, brochures)",
  web: "Web page",
  social_media: "Social media",
  event: "Event",
  call_out: "Call-out (robocall, text alert)",
};

const text = (message: string, max = 200) =>
  z.string().check(z.trim(), z.minLength(1, message), z.maxLength(max, `Use ${max} characters or fewer`));
const date = (message: string) =>
  z.string().check(z.trim(), z.minLength(1, message), z.refine(isCalendarDate, "Enter a real date"));
const count = (message: string) =>
  z.string().check(z.trim(), z.minLength(1, message), z.regex(/^\d{1,9}$/, "Enter a whole number, like 5000"));

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

export const materialsSchema = z
  .object({
    type: z.literal("materials"),
    ...common,
    materialsKind: z.enum(MATERIALS_KINDS, "Choose the kind of materials"),
    audienceSize: count("Enter how many people the materials will reach"),
    endDate: date("Enter the last distribution date"),
    languages: text("Enter the languages, like English, Spanish", 200),
  })
  .check(
    z.refine((v) => v.endDate >= v.effectiveDate, {
      path: ["endDate"],
      message: "The last distribution date must be on or after the first",
    }),
  );

export const callRoutingSchema = z
  .object({
    type: z.literal("call_routing"),
    ...common,
    unitOrLine: text("Enter the unit or phone line whose calls will be routed"),
    callsPerMonth: count("Enter about how many calls a month the line receives now"),
    routing: z.enum(["permanent", "temporary"], "Choose permanent or temporary"),
    endDate: z._default(z.optional(z.string().check(z.trim())), ""),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.routing === "temporary") {
        if (!v.endDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "Enter the end date: temporary routing needs one" });
        else if (!isCalendarDate(v.endDate))
          ctx.addIssue({ code: "custom", path: ["endDate"], message: "Enter a real date" });
        else if (v.endDate < v.effectiveDate)
          ctx.addIssue({
            code: "custom",
            path: ["endDate"],
            message: "The end date must be on or after the first day calls are routed",
          });
      }
    }),
  );

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

export type MaterialsForm = z.infer<typeof materialsSchema>;
export type CallRoutingForm = z.infer<typeof callRoutingSchema>;
export type AutomatedResponseForm = z.infer<typeof automatedResponseSchema>;

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

/** Field names and their labels, in form order, for error summaries and the machine's "missing" list. */
export const FIELD_LABELS: Record<string, string> = {
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
};

/** The answers a request keeps, as text: what the form posts and what a draft stores. */
export type RequestAnswers = Partial<Record<keyof typeof FIELD_LABELS, string>> & { type: RequestType };

export function fieldErrors(
  type: RequestType,
  answers: Record<string, unknown>,
  schema: z.ZodMiniType = requestSchemas[type],
): Record<string, string> {
  const result = schema.safeParse({ ...answers, type });
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** What the machine needs to judge a submission (R4–R10). */
export function factsOf(answers: RequestAnswers): RequestFacts {
  const errors = fieldErrors(answers.type, answers);
  const routing = answers.type === "call_routing" && (answers.routing === "permanent" || answers.routing === "temporary")
    ? answers.routing
    : null;
  const endDate = answers.type === "materials" || routing === "temporary" ? answers.endDate || null : null;
  return {
    type: answers.type,
    effectiveDate: answers.effectiveDate ?? "",
    routing,
    endDate,
    missing: Object.keys(errors).map((field) => FIELD_LABELS[field] ?? field),
  };
}
