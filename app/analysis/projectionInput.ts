// What the analyst enters to project call volume (SPEC §5), one shape per request type. The
// same schema checks the analysis form in the browser and again in the server action, so the
// values arrive as form strings: numbers are read as plain decimals (forms/numbers), and a
// blank field counts as not given.
import { blankAsMissing } from "~/forms/blankAsMissing";
import { isPortalDate } from "~/forms/dates";
import { decimalNumber } from "~/forms/numbers";
import * as z from "~/forms/zod";
import { inclusiveDays } from "./calendarDates";

/** Longest projection window; a temporary routing longer than this is in effect permanent. */
export const MAX_PROJECTION_DAYS = 366;

function formNumber(label: string, bounds: { min: number; max: number; integer?: boolean; minExclusive?: boolean }) {
  return decimalNumber(`Enter the ${label} as a number`).check(
    bounds.minExclusive
      ? z.gt(bounds.min, `The ${label} must be more than ${bounds.min}`)
      : z.gte(bounds.min, `The ${label} must be at least ${bounds.min}`),
    z.lte(bounds.max, `The ${label} must be at most ${bounds.max}`),
    ...(bounds.integer ? [z.int(`The ${label} must be a whole number`)] : []),
  );
}

const share = (label: string) => formNumber(label, { min: 0, max: 1 });

const calendarDate = (label: string) =>
  z.string({ error: `Enter the ${label}` }).check(z.trim(), z.refine(isPortalDate, `Enter the ${label} as a real date between 1900 and 2099`));

const commonFields = {
  handleTimeMinutes: blankAsMissing(formNumber("average handle time (minutes)", { min: 0, max: 120, minExclusive: true })),
  targetServiceLevel: blankAsMissing(
    z._default(
      formNumber("target service level", { min: 0, max: 1, minExclusive: true }).check(
        z.lt(1, "The target service level must be below 1 (100 % is never reached)"),
      ),
      0.8,
    ),
  ),
  targetAnswerSeconds: blankAsMissing(
    z._default(formNumber("target answer time (seconds)", { min: 1, max: 3600, integer: true }), 60),
  ),
  businessHoursPerDay: blankAsMissing(z._default(formNumber("business hours a day", { min: 0, max: 24, minExclusive: true }), 8)),
  /** Share of the busiest day's calls in its busiest hour; derived from business hours when blank. */
  peakHourShare: blankAsMissing(z.optional(formNumber("peak-hour share", { min: 0, max: 1, minExclusive: true }))),
  /** Calls the Center already gets in that hour; 0 staffs the new calls on their own. */
  baselineCallsPerHour: blankAsMissing(z._default(formNumber("current calls in the peak hour", { min: 0, max: 100_000 }), 0)),
};

export const materialsInputSchema = z.object({
  type: z.literal("materials"),
  audienceSize: blankAsMissing(formNumber("audience size", { min: 0, max: 100_000_000, integer: true })),
  responseRate: blankAsMissing(share("expected response rate")),
  firstDistributionDate: calendarDate("first distribution date"),
  lastDistributionDate: calendarDate("last distribution date"),
  ...commonFields,
});

export const callRoutingInputSchema = z.object({
  type: z.literal("call_routing"),
  callsPerMonth: blankAsMissing(formNumber("current calls a month", { min: 0, max: 10_000_000 })),
  shareAt311: blankAsMissing(share("share expected at 3-1-1")),
  startDate: calendarDate("start date"),
  routing: z.enum(["permanent", "temporary"], { error: "Choose permanent or temporary routing" }),
  /** Read only for temporary routing; a leftover value after switching to permanent is ignored. */
  endDate: blankAsMissing(z.optional(calendarDate("end date"))),
  ...commonFields,
});

export const automatedResponseInputSchema = z.object({
  type: z.literal("automated_response"),
  transferredCallsPerMonth: blankAsMissing(formNumber("calls transferred a month", { min: 0, max: 10_000_000 })),
  handledBySystemShare: blankAsMissing(share("share handled by the system")),
  startDate: calendarDate("start date"),
  ...commonFields,
});

type Issue = { message: string; path: string[] };

function windowIssues(first: string, last: string, lastField: string, name: string): Issue[] {
  if (last < first) return [{ message: `The ${name} must be on or after the first day`, path: [lastField] }];
  if (inclusiveDays(first, last) > MAX_PROJECTION_DAYS) {
    return [{ message: `The ${name} must be within ${MAX_PROJECTION_DAYS} days of the first day`, path: [lastField] }];
  }
  return [];
}

// Checks that tie two fields together, run once each field is valid on its own.
function crossFieldIssues(input: z.infer<typeof shapes>): Issue[] {
  const issues: Issue[] = [];
  if (input.peakHourShare !== undefined && input.peakHourShare < 1 / input.businessHoursPerDay) {
    issues.push({
      message: "The peak-hour share cannot be below an average hour's share (1 ÷ business hours)",
      path: ["peakHourShare"],
    });
  }
  if (input.type === "materials") {
    issues.push(
      ...windowIssues(input.firstDistributionDate, input.lastDistributionDate, "lastDistributionDate", "last distribution date"),
    );
  }
  if (input.type === "call_routing" && input.routing === "temporary") {
    if (input.endDate === undefined) {
      issues.push({ message: "Temporary routing needs an end date", path: ["endDate"] });
    } else {
      issues.push(...windowIssues(input.startDate, input.endDate, "endDate", "end date"));
    }
  }
  return issues;
}

const shapes = z.discriminatedUnion("type", [materialsInputSchema, callRoutingInputSchema, automatedResponseInputSchema], {
  error: "Choose a request type",
});

export const projectionInputSchema = shapes.check(
  z.superRefine((input, ctx) => {
    for (const issue of crossFieldIssues(input)) ctx.addIssue({ code: "custom", ...issue });
  }),
);

export type ProjectionInput = z.infer<typeof projectionInputSchema>;
export type MaterialsInput = Extract<ProjectionInput, { type: "materials" }>;
export type CallRoutingInput = Extract<ProjectionInput, { type: "call_routing" }>;
export type AutomatedResponseInput = Extract<ProjectionInput, { type: "automated_response" }>;
