// The procedure's one door: pages and server modules import the workflow from here.
export * from "./types";
export * from "./events";
export * from "./states";
export * from "./stateGroups";
export * from "./notice";
export * from "./context";
export * from "./requestAnswers";
export { checks, check, copyCheck, requesterCheck } from "./rules";
export { requestMachine, MACHINE_VERSION } from "./requestMachine";
export * from "./engine";
export * from "./decision";
export * from "./notifications";
export * from "./roles";
export * from "./tasks";
export * from "./businessDays";
export * from "./reminders";
export { UnknownMachineVersion } from "./snapshotVersions";
export * from "./dates";
