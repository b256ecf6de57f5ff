// The procedure's one door: the server imports the workflow from here. Pages that only show its
// words and dates import "workflows/view" (this, without the machine and the zod schemas).
export * from "./view";
export * from "./stateGroups";
export * from "./requestSchemas";
export * from "./businessDays";
export * from "./reminders";
export { checks, check, copyCheck, requesterCheck } from "./rules";
export { requestMachine, MACHINE_VERSION } from "./requestMachine";
export * from "./engine";
export * from "./decision";
export { UnknownMachineVersion } from "./snapshotVersions";
