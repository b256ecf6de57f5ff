// Groups of states read off the machine itself, so that "open" and "final" have one definition.
// Read through pure-annotated calls: a browser bundle that imports the workflow but not these
// groups then drops them, and with them the machine and XState (about 18 KB brotli per page).
import { requestMachine } from "./requestMachine";
import type { StateName } from "./states";

function openStates(): StateName[] {
  return Object.keys(requestMachine.root.states.open.states) as StateName[];
}

function finalStates(): StateName[] {
  return Object.values(requestMachine.root.states)
    .filter((node) => node.type === "final")
    .map((node) => node.key) as StateName[];
}

/** Submitted and not yet approved: the children of the machine's "open" state (SPEC §4). */
export const OPEN_STATES = /* @__PURE__ */ openStates();

/** R11: states that accept no event. */
export const FINAL_STATES = /* @__PURE__ */ finalStates();

/** A draft (its author's to finish) or an open request (someone's to move on): the requests that wait on someone. */
export function awaitsAction(state: StateName): boolean {
  return state === "draft" || OPEN_STATES.includes(state);
}
