// Money is carried as whole cents so that sums such as 1,200 × $4.33 + $250 come out exact;
// binary floating point cannot hold $4.33 and drifts when amounts are added up.
import { formatCount } from "~/format";

/** An amount of US money in whole cents. */
export type Cents = number;

/**
 * Dollars in whole cents (as the schemas require, e.g. 1.10) to an integer: 1.1 × 100 is
 * 110.00000000000001 in floating point, and rounding removes that error.
 */
export function toCents(dollars: number): Cents {
  if (!Number.isFinite(dollars)) throw new RangeError(`not an amount of money: ${dollars}`);
  return Math.round(dollars * 100);
}

/** True when an entered dollar amount has no fraction of a cent. */
export function isWholeCents(dollars: number): boolean {
  return Math.abs(dollars * 100 - Math.round(dollars * 100)) < 1e-6;
}

/** "$5,446.00". Built from integer parts so large amounts never pick up float error. */
export function formatUsd(cents: Cents): string {
  if (!Number.isInteger(cents)) throw new RangeError(`cents must be whole, got ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${formatCount(Math.trunc(abs / 100))}.${String(abs % 100).padStart(2, "0")}`;
}
