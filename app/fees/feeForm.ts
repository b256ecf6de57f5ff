// The fee assessment form (Finance), one schema in the browser and in the action. Whether a
// reason is needed (R13: the fee differs from the suggestion, or is waived) is the machine's
// rule: the action sends the event and shows the machine's answer.
import { decimalNumber } from "~/forms/numbers";
import * as z from "~/forms/zod";
import { dollars } from "./feeSchedule";
import { FEE_FORM_FIELDS } from "./feeFields";
export { FEE_FORM_FIELDS };

export const feeFormSchema = z.object({
  amount: dollars("fee"),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(2000, "Use 2,000 characters or fewer"))),
  /** The schedule version the suggestion on the page was worked out with. */
  scheduleVersion: decimalNumber("The fee schedule version is missing; reload the page").check(z.int(), z.gte(1)),
});

export type FeeForm = z.infer<typeof feeFormSchema>;

