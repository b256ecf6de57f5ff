// The forms on a request's page, one zod schema each: what a person may send with each action.
import * as z from "~/forms/zod";
import type { EventPayload } from "./transition.server";

const optionalComment = z.optional(z.string().check(z.trim(), z.maxLength(4000, "Use 4,000 characters or fewer")));
const requiredComment = (message: string) =>
  z.string().check(z.trim(), z.minLength(1, message), z.maxLength(4000, "Use 4,000 characters or fewer"));

export const requestActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("SUBMIT") }),
  z.object({ intent: z.literal("RESUBMIT"), comment: optionalComment }),
  z.object({ intent: z.literal("WITHDRAW"), comment: optionalComment }),
  z.object({ intent: z.literal("CANCEL"), comment: optionalComment }),
  z.object({ intent: z.literal("ORDER_ANALYSIS"), comment: optionalComment }),
  z.object({ intent: z.literal("NO_ANALYSIS"), comment: optionalComment }),
  z.object({ intent: z.literal("REQUEST_CHANGES"), comment: requiredComment("Say what needs to change") }),
  z.object({ intent: z.literal("REJECT"), comment: requiredComment("Give the reason for the rejection") }),
  z.object({ intent: z.literal("APPROVE"), slot: z.enum(["director", "assistantDirector"]), comment: optionalComment }),
  z.object({
    intent: z.literal("ACCEPT_FEE"),
    accountCode: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, "Enter the account code to charge"),
        z.maxLength(40, "Use 40 characters or fewer"),
        z.regex(/^[A-Za-z0-9][A-Za-z0-9 .\-/]*$/, "Use letters, numbers, spaces, dots, dashes or slashes"),
      ),
  }),
  z.object({ intent: z.literal("DISPUTE_FEE"), comment: requiredComment("Explain why you dispute the fee") }),
  z.object({ intent: z.literal("DECLINE_FEE"), comment: optionalComment }),
  z.object({ intent: z.literal("COMMENT"), body: requiredComment("Enter a comment") }),
]);

export type RequestAction = z.infer<typeof requestActionSchema>;
export type RequestIntent = RequestAction["intent"];

/** Field → first message, for the error summary. */
export function actionErrors(error: z.core.$ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field === "intent" ? "form" : field] ??= field === "intent" ? "Choose an action" : issue.message;
  }
  return errors;
}

/** The one action's schema, for checking its form in the browser before it is sent. */
export function actionSchema(intent: RequestIntent): z.ZodMiniType {
  const schema = z.getDiscriminatedOption(requestActionSchema, intent);
  if (!schema) throw new Error(`No form for ${intent}`);
  return schema;
}

/** The event an action's form sends to the machine (a comment is not an event). */
export function eventOf(action: Exclude<RequestAction, { intent: "COMMENT" }>): EventPayload {
  switch (action.intent) {
    case "SUBMIT":
      return { type: "SUBMIT" };
    case "APPROVE":
      return { type: "APPROVE", slot: action.slot, comment: action.comment };
    case "ACCEPT_FEE":
      return { type: "ACCEPT_FEE", accountCode: action.accountCode };
    case "REQUEST_CHANGES":
    case "REJECT":
    case "DISPUTE_FEE":
      return { type: action.intent, comment: action.comment };
    default:
      return { type: action.intent, comment: action.comment };
  }
}
