// SPEC §6: the fee schedule an admin edits and Finance applies. Each version is kept and each
// request records the version its fee was worked out with. Amounts are entered in dollars
// (what the admin sees on the form) and turned into cents where fees are calculated.
import { blankAsMissing } from "~/forms/blankAsMissing";
import { decimalNumber, readDecimal } from "~/forms/numbers";
import * as z from "~/forms/zod";
import { isWholeCents, toCents, type Cents } from "./money";

/** Money as typed: a plain decimal, with a dollar sign and thousands commas if the person likes. */
const readMoney = (value: unknown) => readDecimal(typeof value === "string" ? value.trim().replace(/^(-?)\$/, "$1") : value);

/** An amount of money typed in dollars: also the fee form's amount. */
export const dollars = (label: string) =>
  blankAsMissing(
    z.pipe(z.transform(readMoney), z.number({ error: `Enter the ${label} in dollars and cents, like 1250.00` })).check(
      z.gte(0, `The ${label} cannot be negative`),
      z.lte(1_000_000, `The ${label} must be at most $1,000,000`),
      z.refine(isWholeCents, `The ${label} must be in whole cents`),
    ),
  );

export const feeScheduleSchema = z.object({
  version: blankAsMissing(decimalNumber("Enter the version as a whole number").check(z.int(), z.gte(1, "The version starts at 1"))),
  /** A Call Specialist's hourly pay plus benefits and overhead, in dollars. */
  loadedHourlyCost: dollars("loaded hourly cost"),
  averageHandleMinutes: blankAsMissing(
    decimalNumber("Enter the average handle time in minutes").check(
      z.gt(0, "The average handle time must be more than 0 minutes"),
      z.lte(120, "The average handle time must be at most 120 minutes"),
    ),
  ),
  // One fee per request type (workflows/types REQUEST_TYPES); suggestedFee indexes it by type,
  // so a type added there without a fee here fails to compile.
  setupFees: z.object({
    materials: dollars("materials set-up fee"),
    call_routing: dollars("call routing set-up fee"),
    automated_response: dollars("automated response set-up fee"),
  }),
});

export type FeeSchedule = z.infer<typeof feeScheduleSchema>;

/**
 * Defaults until the admin enters the county's own figures (see
 * docs/decisions/0003-fee-schedule-defaults.md for sources). $52.00 an hour loaded and a
 * 5-minute handle time give $4.33 a call, inside the $3.90–$5.44 per contact Montgomery County
 * MD reported for MC311 in FY16–FY20. Set-up fees are staff time at the same rate, rounded:
 * about 5 hours to set up routing and scripts ($250), about 10 to configure and test an IVR
 * transfer ($500); putting 3-1-1 on materials needs no set-up.
 */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  version: 1,
  loadedHourlyCost: 52,
  averageHandleMinutes: 5,
  setupFees: { materials: 0, call_routing: 250, automated_response: 500 },
};

/** Cost of one handled call: loaded hourly cost × handle time, rounded to the cent. */
export function costPerCall(schedule: FeeSchedule): Cents {
  return Math.round((toCents(schedule.loadedHourlyCost) * schedule.averageHandleMinutes) / 60);
}
