// Groups of states read off the machine itself, so that "open" and "final" have one definition.
import { requestMachine } from "./requestMachine";
import type { StateName } from "./states";

const topLevel = requestMachine.root.states;

/** Submitted and not yet approved: the children of the machine's "open" state (SPEC §4). */
export const OPEN_STATES = Object.keys(topLevel.open.states) as StateName[];

/** R11: states that accept no event. */
export const FINAL_STATES = Object.values(topLevel)
  .filter((node) => node.type === "final")
  .map((node) => node.key) as StateName[];

/** A draft (its author's to finish) or an open request (someone's to move on): the requests that wait on someone. */
export function awaitsAction(state: StateName): boolean {
  return state === "draft" || OPEN_STATES.includes(state);
}
