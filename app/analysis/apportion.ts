// Whole calls per day that add up exactly to the projected total. Rounding each day on its own
// would make the chart's bars disagree with the total shown beside them, so the total is
// shared out by the largest-remainder (Hamilton) method.

/** Splits a whole `total` in proportion to `weights`; ties go to the earlier day. */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a whole number ≥ 0, got ${total}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return weights.map(() => 0);
  if (!(sum > 0)) throw new RangeError("cannot share calls out over no days");
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((s, n) => s + n, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - shares[i] }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i] += 1;
    left -= 1;
  }
  return shares;
}
