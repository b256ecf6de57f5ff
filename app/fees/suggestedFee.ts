// SPEC §6: the fee Finance is offered for a request, with its working shown so Finance (and
// the requester) can check it: set-up fee + projected calls × cost per call.
import type { RequestType } from "workflows/view";
import { costPerCall, type FeeSchedule } from "./feeSchedule";
import { formatUsd, toCents, type Cents } from "./money";
import { formatCount } from "../format";

export interface SuggestedFee {
  /** Set-up fee for the request type, in cents. */
  setup: Cents;
  calls: number;
  /** Cost of one handled call, rounded to the cent before multiplying so the working adds up. */
  costPerCall: Cents;
  callsCost: Cents;
  total: Cents;
  scheduleVersion: number;
  /** e.g. "$250.00 set-up + 1,200 calls × $4.33 = $5,446.00" */
  working: string;
}


export function suggestedFee(input: { schedule: FeeSchedule; type: RequestType; projectedCalls: number }): SuggestedFee {
  const { schedule, type, projectedCalls: calls } = input;
  if (!Number.isInteger(calls) || calls < 0) {
    throw new RangeError(`projected calls must be a whole number ≥ 0, got ${calls}`);
  }
  const setup = toCents(schedule.setupFees[type]);
  const perCall = costPerCall(schedule);
  const callsCost = calls * perCall;
  const total = setup + callsCost;
  const working =
    `${formatUsd(setup)} set-up + ${formatCount(calls)} call${calls === 1 ? "" : "s"} × ` +
    `${formatUsd(perCall)} = ${formatUsd(total)}`;
  return { setup, calls, costPerCall: perCall, callsCost, total, scheduleVersion: schedule.version, working };
}
