// What the mobile preset's 4× CPU slowdown means on the machine that runs Lighthouse. The preset
// assumes a high-end desktop (benchmark index 1 500–2 000), where 4× lands on a mid-tier phone.
// On a slower machine the same 4× emulates a slower phone, and the blocking time grows with it.
// Lighthouse's documentation (docs/throttling.md, "Calibrating the CPU slowdown") gives the
// multiplier for a mid-tier phone from the host's benchmark index, by its CPU throttling
// calculator (patrickhulce/lighthouse-cpu-throttling-calculator, pages/index.js): the same
// piecewise line is written here. Reported beside the scores; a run uses it only when asked
// (`npm run lighthouse -- --cpu-slowdown=N`), and the targets are judged at the preset's 4×.

/** The CPU slowdown that emulates a mid-tier phone on a host of this benchmark index; null below 150 (too slow to emulate one). */
export function calibratedSlowdown(benchmarkIndex: number): number | null {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150) return null;
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return 1 + (benchmarkIndex - 150) / 650;
}
