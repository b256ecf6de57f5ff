// The order vitest starts test files in. Its own: by the last run's durations when it has them,
// else by file size; a clean clone (CI) has none, and the longest files then started late and
// ran on alone at the end while the other worker sat idle. These go first, longest first, in
// every project; the rest follow in vitest's order. A file missing here costs time, not results.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const SLOW = [
  "bench-smoke",
  "machine.paths",
  "audit-chain",
  "several-instances",
  "first-admin",
  "transition.properties",
  "copy-database",
  "mail-crash",
  "attachments",
  "mail-concurrency",
  "letters",
  "start-together",
];

const rank = (spec: TestSpecification) => {
  const at = SLOW.findIndex((name) => spec.moduleId.endsWith(`/${name}.test.ts`));
  return at === -1 ? SLOW.length : at;
};

export class SlowFilesFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: within a rank, vitest's order stays.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
