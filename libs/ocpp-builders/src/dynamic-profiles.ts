import type { SessionProfile } from "@smart-charge/allocation";
import type { DynamicTiming } from "./dynamic-anchor.js";
import { anchorDynamic } from "./dynamic-anchor.js";
import type { CommonProfileOptions } from "./options.js";
import type { Ocpp16ProfileOptions } from "./ocpp16.js";
import { assembleOcpp16 } from "./ocpp16.js";
import type { Ocpp201ProfileOptions } from "./ocpp201.js";
import { assembleOcpp201 } from "./ocpp201.js";
import type { Ocpp21ProfileOptions } from "./ocpp21.js";
import { assembleOcpp21 } from "./ocpp21.js";
import type {
  Ocpp16SetChargingProfileRequest,
  Ocpp201SetChargingProfileRequest,
  Ocpp21SetChargingProfileRequest,
} from "./set-requests.js";

export type { DynamicTiming } from "./dynamic-anchor.js";
export { DEFAULT_BACKDATE_SECONDS, DEFAULT_TTL_SECONDS } from "./dynamic-anchor.js";

type TimingOptionNames = "now" | "kind" | "recurrencyKind" | "durationSeconds" | "validTo";
export type DynamicOptions<O extends CommonProfileOptions> = Omit<O, TimingOptionNames> & DynamicTiming;

// Each builder is the matching SetChargingProfile builder with the anchor's timing in place of the caller's
// timing options (a hot path: the engine calls it for every command it sends).

export function buildOcpp16DynamicRequest(
  session: SessionProfile,
  options: DynamicOptions<Ocpp16ProfileOptions>,
): Ocpp16SetChargingProfileRequest {
  const { connectorId, profile } = assembleOcpp16(session, options, anchorDynamic(options));
  return { connectorId, csChargingProfiles: profile };
}

export function buildOcpp201DynamicRequest(
  session: SessionProfile,
  options: DynamicOptions<Ocpp201ProfileOptions>,
): Ocpp201SetChargingProfileRequest {
  const { evseId, profile } = assembleOcpp201(session, options, anchorDynamic(options));
  return { evseId, chargingProfile: profile };
}

export function buildOcpp21DynamicRequest(
  session: SessionProfile,
  options: DynamicOptions<Ocpp21ProfileOptions>,
): Ocpp21SetChargingProfileRequest {
  const { evseId, profile } = assembleOcpp21(session, options, anchorDynamic(options));
  return { evseId, chargingProfile: profile };
}
