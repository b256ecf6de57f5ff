// The user forms (admin): invite a person, and change a person's department and roles. One
// schema each, in the browser and in the action. Acting appointments have their own form.
import * as z from "~/forms/zod";
import { rolesField } from "./rolesField";
import { INVITE_FIELDS, ACCESS_FIELDS } from "./formFields";
export { INVITE_FIELDS, ACCESS_FIELDS };

const departmentId = z.pipe(
  z.string().check(z.trim()),
  z.transform((v) => (v === "" ? null : v)),
);

export const inviteFormSchema = z.object({
  email: z.pipe(
    z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254, "Use 254 characters or fewer")),
    z.email("Enter an e-mail address, like name@example.gov"),
  ),
  name: z.string().check(z.trim(), z.minLength(1, "Enter the person's name"), z.maxLength(120, "Use 120 characters or fewer")),
  departmentId,
  roles: rolesField.check(z.refine((roles) => roles.length > 0, "Choose at least one role")),
});

export type InviteForm = z.infer<typeof inviteFormSchema>;

export const accessFormSchema = z.object({ departmentId, roles: rolesField });

export type AccessForm = z.infer<typeof accessFormSchema>;

/** The person's page has several forms; each posts which one it is. */
export const userIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("access") }),
  z.object({ intent: z.literal("appoint") }),
  z.object({ intent: z.literal("removeAppointment"), appointmentId: z.string().check(z.trim(), z.minLength(1)) }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reinvite") }),
  z.object({ intent: z.literal("unlinkSso") }),
]);
