// The department form (admin): the same schema in the browser and in the action. partnerSince
// is the local date a 311 partnership began (R4, R5); blank means not a partner.
import * as z from "zod";
import { isCalendarDate } from "../../workflows/notice";

export const departmentFormSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,10}$/, "Enter a code of 2 to 10 letters, like DPW"),
  name: z.string().trim().min(1, "Enter the department's name").max(120, "Use 120 characters or fewer"),
  partnerSince: z
    .string()
    .trim()
    .refine((v) => v === "" || isCalendarDate(v), "Enter the date as YYYY-MM-DD, or leave it blank")
    .transform((v) => (v === "" ? null : v)),
});

export type DepartmentForm = z.infer<typeof departmentFormSchema>;

export const DEPARTMENT_FIELDS = ["code", "name", "partnerSince"] as const;
