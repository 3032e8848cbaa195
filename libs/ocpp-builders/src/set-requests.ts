import type { SessionProfile } from "@smart-charge/allocation";
import type { Ocpp16ChargingProfile, Ocpp16ProfileOptions } from "./ocpp16.js";
import { assembleOcpp16 } from "./ocpp16.js";
import type { Ocpp201ChargingProfile, Ocpp201ProfileOptions } from "./ocpp201.js";
import { assembleOcpp201 } from "./ocpp201.js";
import type { Ocpp21ChargingProfile, Ocpp21ProfileOptions } from "./ocpp21.js";
import { assembleOcpp21 } from "./ocpp21.js";

export interface Ocpp16SetChargingProfileRequest {
  connectorId: number;
  csChargingProfiles: Ocpp16ChargingProfile;
}

export interface Ocpp201SetChargingProfileRequest {
  evseId: number;
  chargingProfile: Ocpp201ChargingProfile;
}

export interface Ocpp21SetChargingProfileRequest {
  evseId: number;
  chargingProfile: Ocpp21ChargingProfile;
}

/**
 * The whole 1.6 SetChargingProfile.req. The connector comes from the same rule as the profile id, so a
 * ChargePointMaxProfile always goes to connector 0 and a TxProfile never does.
 */
export function buildOcpp16SetChargingProfileRequest(
  session: SessionProfile,
  options: Ocpp16ProfileOptions = {},
): Ocpp16SetChargingProfileRequest {
  const { connectorId, profile } = assembleOcpp16(session, options);
  return { connectorId, csChargingProfiles: profile };
}

/** The whole 2.0.1 SetChargingProfileRequest (`evseId` is the session's connectorId unless overridden). */
export function buildOcpp201SetChargingProfileRequest(
  session: SessionProfile,
  options: Ocpp201ProfileOptions = {},
): Ocpp201SetChargingProfileRequest {
  const { evseId, profile } = assembleOcpp201(session, options);
  return { evseId, chargingProfile: profile };
}

/** The whole 2.1 SetChargingProfileRequest. */
export function buildOcpp21SetChargingProfileRequest(
  session: SessionProfile,
  options: Ocpp21ProfileOptions = {},
): Ocpp21SetChargingProfileRequest {
  const { evseId, profile } = assembleOcpp21(session, options);
  return { evseId, chargingProfile: profile };
}
