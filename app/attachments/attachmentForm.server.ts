// The attachment page's forms: one zod schema, parsed by the action. On the server only: a schema
// made at a browser module's top level would put zod on the page.
import * as z from "~/forms/zod";
import { DESCRIPTION_MAX } from "./attachmentForm";

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
