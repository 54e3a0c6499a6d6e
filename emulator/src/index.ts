/** The emulator's programmatic API, for the preview and the benchmarks. */
export { createEmulator, isEmulatorPath, MAX_BODY_BYTES } from './emulator';
export type { Emulator, EmulatorOptions, EmulatorState } from './emulator';
export { startEmulatorServer } from './server';
export type { EmulatorServer } from './server';
export { defaultFaults } from './faults';
export type { Faults, Range, Calculator, ProcessingPhase } from './faults';
export { loggedJson } from './requestLog';
export type { RequestLogEntry } from './requestLog';
export { SCENARIO_NAMES } from './scenarios';
export { NO_DELIVERY_POSTAL_CODE } from './geography';
