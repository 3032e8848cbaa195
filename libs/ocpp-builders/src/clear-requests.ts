import { OcppProfileError } from "./errors.js";
import type { Ocpp16Purpose } from "./ocpp16.js";
import { OCPP16_PURPOSES } from "./ocpp16.js";
import { requireOcpp2Purpose } from "./ocpp2-common.js";
import type { Ocpp201Purpose } from "./ocpp201.js";
import { OCPP201_PURPOSES } from "./ocpp201.js";
import type { Ocpp21Purpose } from "./ocpp21.js";
import { OCPP21_PURPOSES } from "./ocpp21.js";
import { requireInteger, requireOneOf } from "./validate.js";

/** Clear exactly one profile, e.g. the id a builder returned. */
export interface ClearByProfileId {
  chargingProfileId: number;
}

/** `purpose` is required: a clear without id and purpose would also remove the station's max profile. */
export interface Ocpp16ClearCriteria {
  purpose: Ocpp16Purpose;
  /** Absent: every connector; 0: the station-wide profiles only. */
  connectorId?: number;
  stackLevel?: number;
}

/** `purpose` is required: a clear without id and purpose would also remove the station's max profile. */
export interface Ocpp2ClearCriteria<Purpose extends string> {
  purpose: Purpose;
  /** Absent: every EVSE; 0: the station-wide profiles only. */
  evseId?: number;
  stackLevel?: number;
}

export interface Ocpp16ClearChargingProfileRequest {
  id?: number;
  connectorId?: number;
  chargingProfilePurpose?: Ocpp16Purpose;
  stackLevel?: number;
}

export interface Ocpp2ClearChargingProfileRequest<Purpose extends string> {
  chargingProfileId?: number;
  chargingProfileCriteria?: { evseId?: number; chargingProfilePurpose: Purpose; stackLevel?: number };
}
export type Ocpp201ClearChargingProfileRequest = Ocpp2ClearChargingProfileRequest<Ocpp201Purpose>;
export type Ocpp21ClearChargingProfileRequest = Ocpp2ClearChargingProfileRequest<Ocpp21Purpose>;

/** Exactly one of id and purpose: neither would wipe everything, both is ambiguous across charger firmwares. */
function checkClearTarget(target: unknown): void {
  if (typeof target !== "object" || target === null) {
    throw new OcppProfileError("purpose", "a clear needs { chargingProfileId } or { purpose, ... }");
  }
  const hasId = "chargingProfileId" in target;
  const hasPurpose = "purpose" in target && target.purpose !== undefined;
  if (hasId && hasPurpose)
    throw new OcppProfileError("chargingProfileId", "pass either chargingProfileId or purpose, not both");
  if (!hasId && !hasPurpose) {
    throw new OcppProfileError(
      "purpose",
      "is required: a clear without id or purpose would also remove the station's max profile",
    );
  }
}

function optionalNonNegative(field: string, value: number | undefined): number | undefined {
  return value === undefined ? undefined : requireInteger(field, value, 0);
}

/** The 1.6 ClearChargingProfile.req for one profile id, or for a purpose optionally narrowed by connector and stack level. */
export function buildOcpp16ClearChargingProfileRequest(
  target: ClearByProfileId | Ocpp16ClearCriteria,
): Ocpp16ClearChargingProfileRequest {
  checkClearTarget(target);
  if ("chargingProfileId" in target)
    return { id: requireInteger("chargingProfileId", target.chargingProfileId, 1) };
  const connectorId = optionalNonNegative("connectorId", target.connectorId);
  const stackLevel = optionalNonNegative("stackLevel", target.stackLevel);
  return {
    ...(connectorId === undefined ? {} : { connectorId }),
    chargingProfilePurpose: requireOneOf("purpose", target.purpose, OCPP16_PURPOSES),
    ...(stackLevel === undefined ? {} : { stackLevel }),
  };
}

function buildOcpp2Clear<Purpose extends string>(
  target: ClearByProfileId | Ocpp2ClearCriteria<Purpose>,
  purposes: readonly Purpose[],
): Ocpp2ClearChargingProfileRequest<Purpose> {
  checkClearTarget(target);
  if ("chargingProfileId" in target)
    return { chargingProfileId: requireInteger("chargingProfileId", target.chargingProfileId, 1) };
  const evseId = optionalNonNegative("evseId", target.evseId);
  const stackLevel = optionalNonNegative("stackLevel", target.stackLevel);
  return {
    chargingProfileCriteria: {
      ...(evseId === undefined ? {} : { evseId }),
      chargingProfilePurpose: requireOcpp2Purpose(target.purpose, purposes),
      ...(stackLevel === undefined ? {} : { stackLevel }),
    },
  };
}

/** The 2.0.1 ClearChargingProfileRequest: `chargingProfileId`, or `chargingProfileCriteria` with a purpose. */
export function buildOcpp201ClearChargingProfileRequest(
  target: ClearByProfileId | Ocpp2ClearCriteria<Ocpp201Purpose>,
): Ocpp201ClearChargingProfileRequest {
  return buildOcpp2Clear(target, OCPP201_PURPOSES);
}

/** The 2.1 ClearChargingProfileRequest: `chargingProfileId`, or `chargingProfileCriteria` with a purpose. */
export function buildOcpp21ClearChargingProfileRequest(
  target: ClearByProfileId | Ocpp2ClearCriteria<Ocpp21Purpose>,
): Ocpp21ClearChargingProfileRequest {
  return buildOcpp2Clear(target, OCPP21_PURPOSES);
}
