// The attachment page's forms: one zod schema, in the action (and for the fields' limits on the page).
import * as z from "~/forms/zod";

export const DESCRIPTION_MAX = 200;

export const attachmentFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("attach"),
    description: z
      .string()
      .check(z.trim(), z.minLength(1, "Describe the file in a few words"), z.maxLength(DESCRIPTION_MAX, `Use ${DESCRIPTION_MAX} characters or fewer`)),
  }),
  z.object({ intent: z.literal("remove"), attachmentId: z.string().check(z.minLength(1)) }),
]);

export type AttachmentForm = z.infer<typeof attachmentFormSchema>;
