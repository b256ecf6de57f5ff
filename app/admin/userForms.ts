// The user forms (admin): invite a person, and change a person's department and roles. One
// schema each, in the browser and in the action. Acting appointments have their own form.
import * as z from "zod";
import { rolesField } from "./rolesField";

const departmentId = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v));

export const inviteFormSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "Use 254 characters or fewer")
    .pipe(z.email("Enter an e-mail address, like name@example.gov")),
  name: z.string().trim().min(1, "Enter the person's name").max(120, "Use 120 characters or fewer"),
  departmentId,
  roles: rolesField.refine((roles) => roles.length > 0, "Choose at least one role"),
});

export type InviteForm = z.infer<typeof inviteFormSchema>;
export const INVITE_FIELDS = ["email", "name", "departmentId", "roles"] as const;

export const accessFormSchema = z.object({ departmentId, roles: rolesField });

export type AccessForm = z.infer<typeof accessFormSchema>;
export const ACCESS_FIELDS = ["departmentId", "roles"] as const;

/** The person's page has several forms; each posts which one it is. */
export const userIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("access") }),
  z.object({ intent: z.literal("appoint") }),
  z.object({ intent: z.literal("removeAppointment"), appointmentId: z.string().trim().min(1) }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reinvite") }),
]);
