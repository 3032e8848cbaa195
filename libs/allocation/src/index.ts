export type * from "./types.js";
export { PHASES } from "./types.js";
export {
  DuplicateSessionError,
  SessionNotFoundError,
  SmartChargingConfigError,
  StrategyError,
} from "./errors.js";
export {
  allocate,
  DEFAULT_MIN_DWELL_MS,
  type AllocationRequest,
  type AllocationResult,
} from "./solver/allocate.js";
export type { StrategySpec } from "./solver/strategy-spec.js";
export type { RotationEntry, RotationState } from "./solver/rotation.js";
export type { StrategyAdjustment } from "./strategies/custom.js";
export { multiplierAt, multiplierPeriods, type MultiplierPeriod } from "./strategies/time-of-use.js";
