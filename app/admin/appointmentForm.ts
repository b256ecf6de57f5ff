// An acting appointment (R3): a reviewing role held for a period, both days included. One
// schema in the browser and in the action.
import { isPortalDate } from "~/forms/dates";
import * as z from "~/forms/zod";
import { ACTING_ROLES, APPOINTMENT_FIELDS } from "./formFields";
export { ACTING_ROLES, APPOINTMENT_FIELDS };

const day = (label: string) =>
  z.string({ error: `Enter the ${label}` }).check(z.trim(), z.refine(isPortalDate, `Enter the ${label} as a real date between 1900 and 2099`));

export const appointmentFormSchema = z
  .object({
    role: z.enum(ACTING_ROLES, "Choose the role to act in"),
    startsOn: day("first day"),
    endsOn: day("last day"),
  })
  .check(z.refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], message: "The last day must be on or after the first day" }));

export type AppointmentForm = z.infer<typeof appointmentFormSchema>;
