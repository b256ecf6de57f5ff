// What a person may do on a request, remembered per request version, person and local day.
// The home page asks the machine about every open request on it (dozens of snapshots restored
// and probed on each visit); the answer can only change when the request changes (its version),
// when the person's roles change, or when the county's date does (the machine reads time only
// as the local date), so all three are in the key.
import type { CurrentUser } from "~/auth/session.server";
import type { AvailableAction } from "workflows";

const LIMIT = 5000;
const memo = new Map<string, AvailableAction[]>();

export function actionsKey(request: { id: string; version: number }, user: CurrentUser, localDate: string): string {
  const roles = user.roles.map((r) => `${r.role}${r.acting ? "*" : ""}`).join(",");
  return `${request.id}:${request.version}:${user.id}:${user.departmentId ?? ""}:${roles}:${localDate}`;
}

/** The actions remembered under this key, if any. */
export function recalledActions(key: string): AvailableAction[] | undefined {
  return memo.get(key);
}

export function rememberActions(key: string, actions: AvailableAction[]): void {
  // Oldest first out: a Map iterates in insertion order.
  if (memo.size >= LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(key, actions);
}
