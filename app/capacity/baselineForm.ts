// The baseline page's forms (issue 19): the service target, one weekday's 24 hours of calls and
// agents, and the period whose actual calls give the normal calls. One zod schema each, in the
// browser and in the action; a blank hour is closed.
import { blankAsMissing } from "~/forms/blankAsMissing";
import { formatCount } from "~/format";
import { isPortalDate } from "~/forms/dates";
import { decimalNumber } from "~/forms/numbers";
import * as z from "~/forms/zod";
import { MAX_AGENTS, MAX_CALLS_PER_HOUR, type BaselineHour } from "./baseline";
import { MAX_PERIOD_DAYS, MIN_PERIOD_DAYS, periodDays, type Period } from "./baselineFromActuals";
import { agentsName, callsName, PERIOD_FIELDS, WEEKDAY_FIELDS } from "./baselineFields";
import { HOURS } from "./combinedStaffing";
export { agentsName, callsName, PERIOD_FIELDS, WEEKDAY_FIELDS };

export const callsField = (label: string) =>
  decimalNumber(`Enter the ${label} as a number`).check(
    z.gte(0, `The ${label} must be at least 0`),
    z.lte(MAX_CALLS_PER_HOUR, `The ${label} must be at most ${formatCount(MAX_CALLS_PER_HOUR)}`),
  );

export const agentsField = (label: string) =>
  decimalNumber(`Enter the ${label} as a whole number`).check(
    z.int(`The ${label} must be a whole number`),
    z.gte(0, `The ${label} must be at least 0`),
    z.lte(MAX_AGENTS, `The ${label} must be at most ${formatCount(MAX_AGENTS)}`),
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

const periodDay = (label: string) =>
  z.string({ error: `Enter the ${label}` }).check(z.trim(), z.refine(isPortalDate, `Enter the ${label} as a real date, like 2026-11-30`));

const period = { from: periodDay("first day of the period"), to: periodDay("last day of the period") };

/** Only once both days are dates: a day that is none has its own message. */
const bothDays = (p: Period) => isPortalDate(p.from) && isPortalDate(p.to);

const periodChecks = [
  z.refine<Period>((p) => !bothDays(p) || p.to >= p.from, { path: ["to"], message: "The last day must be on or after the first day" }),
  z.refine<Period>((p) => !bothDays(p) || p.to < p.from || periodDays(p) >= MIN_PERIOD_DAYS, {
    path: ["to"],
    message: `The period must be at least ${MIN_PERIOD_DAYS} days, so that every weekday is in it`,
  }),
  z.refine<Period>((p) => !bothDays(p) || periodDays(p) <= MAX_PERIOD_DAYS, {
    path: ["to"],
    message: `The period must be at most ${MAX_PERIOD_DAYS} days: a normal week is not the average of several seasons`,
  }),
];

/** The period whose actual calls to show as the baseline's calls: nothing is saved. */
export const actualsPreviewSchema = z.object({ intent: z.literal("actuals-preview"), ...period }).check(...periodChecks);

/** The same period confirmed, with the figures the analyst saw (their fingerprint). */
export const actualsApplySchema = z
  .object({ intent: z.literal("actuals-apply"), ...period, checked: z.string({ error: "Show the figures before saving them" }) })
  .check(...periodChecks);

/** Every form the page posts, told apart by its intent. */
export const baselineFormSchema = z.discriminatedUnion("intent", [targetFormSchema, weekdayFormSchema, actualsPreviewSchema, actualsApplySchema]);

/** The 24 hours a checked weekday form holds (the hour fields are built in a loop, so their names are not in its type). */
export function postedHours(posted: z.infer<typeof weekdayFormSchema>): BaselineHour[] {
  const values = posted as unknown as Record<string, number>;
  const weekday = Number(posted.weekday);
  return Array.from({ length: HOURS }, (_, hour) => ({ weekday, hour, calls: values[callsName(hour)], agents: values[agentsName(hour)] }));
}
