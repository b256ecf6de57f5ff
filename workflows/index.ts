export * from "./types";
export * from "./events";
export * from "./states";
export * from "./notice";
export * from "./context";
export { checks, check, holds } from "./rules";
export { requestMachine, MACHINE_VERSION } from "./requestMachine";
export * from "./engine";
