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
export {
  planSchedule,
  DAY_MS,
  type Plan,
  type PlannedPeriod,
  type SessionPlan,
} from "./strategies/plan-schedule.js";
export { SmartChargingEngine } from "./engine/smart-charging-engine.js";
export type * from "./engine/engine-types.js";

/** The seed's strategy names, as a value. */
export const Strategies = {
  EQUAL_SHARE: "EQUAL_SHARE",
  PRIORITY: "PRIORITY",
  TIME_OF_USE: "TIME_OF_USE",
} as const;
