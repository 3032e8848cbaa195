export { OcppProfileError } from "./errors.js";
export type { ProfileSlot } from "./profile-id.js";
export { fnv1a32, stableProfileId } from "./profile-id.js";
export { floorToTenth, wattsToAmpsPerPhase } from "./units.js";
export type { Instant } from "./timestamps.js";
export { toOcppDateTime } from "./timestamps.js";
export type {
  ChargingProfileKind,
  CommonProfileOptions,
  ManualSchedulePeriod,
  PowerSchedulePeriod,
  RateUnit,
  RecurrencyKind,
} from "./options.js";
export type { SchedulePeriod } from "./schedule.js";
export { MAX_SCHEDULE_PERIODS } from "./schedule.js";
export type { SupplyType } from "./limits.js";

export type {
  Ocpp16ChargingProfile,
  Ocpp16ChargingSchedule,
  Ocpp16ChargingSchedulePeriod,
  Ocpp16ProfileOptions,
  Ocpp16Purpose,
} from "./ocpp16.js";
export { OCPP16_PURPOSES, buildOcpp16Profile } from "./ocpp16.js";
export type {
  Ocpp2ChargingProfile,
  Ocpp2ChargingSchedule,
  Ocpp2ChargingSchedulePeriod,
  Ocpp2ProfileOptions,
} from "./ocpp2-common.js";
export type {
  Ocpp201ChargingProfile,
  Ocpp201ChargingSchedule,
  Ocpp201ChargingSchedulePeriod,
  Ocpp201ProfileOptions,
  Ocpp201Purpose,
} from "./ocpp201.js";
export { OCPP201_PURPOSES, buildOcpp201Profile } from "./ocpp201.js";
export type {
  Ocpp21ChargingProfile,
  Ocpp21ChargingSchedule,
  Ocpp21ChargingSchedulePeriod,
  Ocpp21OperationMode,
  Ocpp21ProfileOptions,
  Ocpp21Purpose,
} from "./ocpp21.js";
export { OCPP21_PURPOSES, buildOcpp21Profile } from "./ocpp21.js";

export type {
  Ocpp16SetChargingProfileRequest,
  Ocpp201SetChargingProfileRequest,
  Ocpp21SetChargingProfileRequest,
} from "./set-requests.js";
export {
  buildOcpp16SetChargingProfileRequest,
  buildOcpp201SetChargingProfileRequest,
  buildOcpp21SetChargingProfileRequest,
} from "./set-requests.js";
export type {
  ClearByProfileId,
  Ocpp16ClearChargingProfileRequest,
  Ocpp16ClearCriteria,
  Ocpp201ClearChargingProfileRequest,
  Ocpp21ClearChargingProfileRequest,
  Ocpp2ClearChargingProfileRequest,
  Ocpp2ClearCriteria,
} from "./clear-requests.js";
export {
  buildOcpp16ClearChargingProfileRequest,
  buildOcpp201ClearChargingProfileRequest,
  buildOcpp21ClearChargingProfileRequest,
} from "./clear-requests.js";

export type { FailSafeInput } from "./fail-safe.js";
export {
  buildOcpp16FailSafeRequest,
  buildOcpp201FailSafeRequest,
  buildOcpp21FailSafeRequest,
} from "./fail-safe.js";
export type { DynamicOptions, DynamicTiming } from "./dynamic-profiles.js";
export {
  DEFAULT_BACKDATE_SECONDS,
  DEFAULT_TTL_SECONDS,
  buildOcpp16DynamicRequest,
  buildOcpp201DynamicRequest,
  buildOcpp21DynamicRequest,
} from "./dynamic-profiles.js";
