// Snapshots persisted by older machines, brought up to the current one (decision 0014). Each
// request row stores the machine version its snapshot was written by; a snapshot is upgraded
// when it is read, and written back at the current version by the next accepted event.

/** What a persisted snapshot holds that the machine reads back: its state value and context. */
export interface PersistedSnapshot {
  value: unknown;
  context: unknown;
}

/**
 * Version 1 kept the states between submission and approval at the top level; version 2 nests
 * them in "open", and remembers the last reminder (none is known for a version 1 snapshot).
 */
const V1_OPEN_STATES = ["screening", "analysis", "feeAssessment", "feeAcceptance", "decision", "changesRequested"];

function v1ToV2(snapshot: PersistedSnapshot): PersistedSnapshot {
  const { value } = snapshot;
  const top = typeof value === "string" ? value : value && typeof value === "object" ? Object.keys(value)[0] : null;
  const context = { lastReminderAt: null, ...(snapshot.context as object) };
  return { value: top !== null && V1_OPEN_STATES.includes(top) ? { open: value } : value, context };
}

/** Upgrades, by the version each applies to: UPGRADES[v] turns a version-v snapshot into version v + 1. */
const UPGRADES: Record<number, (snapshot: PersistedSnapshot) => PersistedSnapshot> = {
  1: v1ToV2,
};

export class UnknownMachineVersion extends Error {
  override name = "UnknownMachineVersion";
}

/** The snapshot as the current machine (`current`) reads it. */
export function upgradeSnapshot(snapshot: PersistedSnapshot, version: number, current: number): PersistedSnapshot {
  if (!Number.isInteger(version) || version < 1 || version > current) {
    // A snapshot from a newer portal (or a damaged row) is never guessed at: the request stays as it is.
    throw new UnknownMachineVersion(`A request's snapshot has machine version ${version}; this portal reads 1 to ${current}.`);
  }
  let upgraded = snapshot;
  for (let v = version; v < current; v++) upgraded = UPGRADES[v](upgraded);
  return upgraded;
}
