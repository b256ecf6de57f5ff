// The department form (admin): the same schema in the browser and in the action. partnerSince
// is the local date a 311 partnership began (R4, R5); blank means not a partner.
import { isPortalDate } from "~/forms/dates";
import * as z from "~/forms/zod";
import { DEPARTMENT_FIELDS } from "./formFields";
export { DEPARTMENT_FIELDS };

export const departmentFormSchema = z.object({
  code: z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2,10}$/, "Enter a code of 2 to 10 letters, like DPW")),
  name: z.string().check(z.trim(), z.minLength(1, "Enter the department's name"), z.maxLength(120, "Use 120 characters or fewer")),
  partnerSince: z.pipe(
    z.string().check(
      z.trim(),
      z.refine((v) => v === "" || isPortalDate(v), "Enter a real date between 1900 and 2099, or leave it blank"),
    ),
    z.transform((v) => (v === "" ? null : v)),
  ),
});

export type DepartmentForm = z.infer<typeof departmentFormSchema>;

