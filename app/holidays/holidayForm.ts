// The holiday calendar's forms (admin): one zod schema, in the browser and in the action.
import * as z from "~/forms/zod";
import { isCalendarDate } from "workflows/view";
import { ADD_HOLIDAY_FIELDS } from "./holidayFields";
export { ADD_HOLIDAY_FIELDS };

const date = z.string().check(z.trim(), z.refine(isCalendarDate, "Enter a real date, like 2027-12-24"));

/** The form to add a holiday, checked in the browser too. */
export const addHolidaySchema = z.object({
  intent: z.literal("add"),
  date,
  name: z.string().check(z.trim(), z.minLength(1, "Enter the holiday's name"), z.maxLength(80, "Use 80 characters or fewer")),
});

/** Every form on the page: adding a day, the buttons beside each day, and the federal holidays of a year. */
export const holidayFormSchema = z.discriminatedUnion("intent", [
  addHolidaySchema,
  z.object({ intent: z.literal("observe"), date }),
  z.object({ intent: z.literal("unobserve"), date }),
  z.object({
    intent: z.literal("federal"),
    year: z.string().check(z.regex(/^20\d\d$/, "Choose a year from 2000 to 2099")),
  }),
]);

export type HolidayForm = z.infer<typeof holidayFormSchema>;

