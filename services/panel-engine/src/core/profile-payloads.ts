import type { SessionProfile } from "@smart-charge/allocation";
import type { OcppVersion } from "@smart-charge/contracts";
import {
  buildOcpp16ClearChargingProfileRequest,
  buildOcpp16DynamicRequest,
  buildOcpp201ClearChargingProfileRequest,
  buildOcpp201DynamicRequest,
  buildOcpp21ClearChargingProfileRequest,
  buildOcpp21DynamicRequest,
} from "@smart-charge/ocpp-builders";

/**
 * The OCPP request bodies the engine sends. Limits go out as short-lived TxProfiles in A per phase (what
 * every smart-charging charger accepts), refreshed before they expire, so a charger whose engine died falls
 * back to its fail-safe default on its own.
 */
export function setProfilePayload(
  version: OcppVersion,
  profile: SessionProfile,
  now: number,
  ttlSeconds: number,
): Record<string, unknown> {
  const options = { now, ttlSeconds, rateUnit: "A", purpose: "TxProfile" } as const;
  switch (version) {
    case "1.6":
      return { ...buildOcpp16DynamicRequest(profile, options) };
    case "2.0.1":
      return { ...buildOcpp201DynamicRequest(profile, options) };
    case "2.1":
      return { ...buildOcpp21DynamicRequest(profile, options) };
  }
}

/** Removes the engine's TxProfile from the connector/EVSE when the session ends (never the station's max profile). */
export function clearProfilePayload(version: OcppVersion, connectorId: number): Record<string, unknown> {
  switch (version) {
    case "1.6":
      return {
        ...buildOcpp16ClearChargingProfileRequest({ purpose: "TxProfile", connectorId, stackLevel: 0 }),
      };
    case "2.0.1":
      return {
        ...buildOcpp201ClearChargingProfileRequest({
          purpose: "TxProfile",
          evseId: connectorId,
          stackLevel: 0,
        }),
      };
    case "2.1":
      return {
        ...buildOcpp21ClearChargingProfileRequest({
          purpose: "TxProfile",
          evseId: connectorId,
          stackLevel: 0,
        }),
      };
  }
}
