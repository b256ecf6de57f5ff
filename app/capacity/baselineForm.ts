// The baseline page's forms (issue 19): the service target, and one weekday's 24 hours of calls
// and agents. One zod schema each, in the browser and in the action; a blank hour is closed.
import { blankAsMissing } from "~/forms/blankAsMissing";
import { decimalNumber } from "~/forms/numbers";
import * as z from "~/forms/zod";
import { MAX_AGENTS, MAX_CALLS_PER_HOUR, type BaselineHour } from "./baseline";
import { HOURS } from "./combinedStaffing";

export const callsField = (label: string) =>
  decimalNumber(`Enter the ${label} as a number`).check(
    z.gte(0, `The ${label} must be at least 0`),
    z.lte(MAX_CALLS_PER_HOUR, `The ${label} must be at most ${MAX_CALLS_PER_HOUR.toLocaleString("en-US")}`),
  );

export const agentsField = (label: string) =>
  decimalNumber(`Enter the ${label} as a whole number`).check(
    z.int(`The ${label} must be a whole number`),
    z.gte(0, `The ${label} must be at least 0`),
    z.lte(MAX_AGENTS, `The ${label} must be at most ${MAX_AGENTS.toLocaleString("en-US")}`),
  );

export const targetFormSchema = z.object({
  intent: z.literal("target"),
  handleTimeMinutes: decimalNumber("Enter the average handle time (minutes) as a number").check(
    z.gt(0, "The average handle time (minutes) must be more than 0"),
    z.lte(120, "The average handle time (minutes) must be at most 120"),
  ),
  targetServiceLevel: decimalNumber("Enter the target service level as a number").check(
    z.gt(0, "The target service level must be more than 0"),
    z.lt(1, "The target service level must be below 1 (100 % is never reached)"),
  ),
  targetAnswerSeconds: decimalNumber("Enter the target answer time (seconds) as a number").check(
    z.int("The target answer time (seconds) must be a whole number"),
    z.gte(1, "The target answer time (seconds) must be at least 1"),
    z.lte(3600, "The target answer time (seconds) must be at most 3600"),
  ),
});

export const callsName = (hour: number) => `calls${hour}`;
export const agentsName = (hour: number) => `agents${hour}`;
const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

const hourFields = Object.fromEntries(
  Array.from({ length: HOURS }, (_, hour) => [
    [callsName(hour), blankAsMissing(z._default(callsField(`calls at ${hourLabel(hour)}`), 0))],
    [agentsName(hour), blankAsMissing(z._default(agentsField(`agents at ${hourLabel(hour)}`), 0))],
  ]).flat(),
) as Record<string, z.ZodMiniType<number>>;

export const weekdayFormSchema = z.object({
  intent: z.literal("weekday"),
  weekday: z.enum(["0", "1", "2", "3", "4", "5", "6"], { error: "Choose a weekday" }),
  ...hourFields,
});

/** Every form the page posts, told apart by its intent. */
export const baselineFormSchema = z.discriminatedUnion("intent", [targetFormSchema, weekdayFormSchema]);

/** The weekday form's fields in page order, for its error summary. */
export const WEEKDAY_FIELDS = Array.from({ length: HOURS }, (_, hour) => [callsName(hour), agentsName(hour)]).flat();

/** The 24 hours a checked weekday form holds (the hour fields are built in a loop, so their names are not in its type). */
export function postedHours(posted: z.infer<typeof weekdayFormSchema>): BaselineHour[] {
  const values = posted as unknown as Record<string, number>;
  const weekday = Number(posted.weekday);
  return Array.from({ length: HOURS }, (_, hour) => ({ weekday, hour, calls: values[callsName(hour)], agents: values[agentsName(hour)] }));
}
