import type { PhaseCount, SessionProfile } from "@smart-charge/allocation";
import type { DynamicAnchor } from "./dynamic-anchor.js";
import { OcppProfileError } from "./errors.js";
import type { ChargingProfileKind, CommonProfileOptions, RateUnit, RecurrencyKind } from "./options.js";
import { resolveProfile } from "./profile-core.js";
import type { ProfileRole } from "./target.js";
import { requireOneOf } from "./validate.js";

export type Ocpp16Purpose = "ChargePointMaxProfile" | "TxDefaultProfile" | "TxProfile";
export const OCPP16_PURPOSES: readonly Ocpp16Purpose[] = [
  "ChargePointMaxProfile",
  "TxDefaultProfile",
  "TxProfile",
];

export interface Ocpp16ChargingSchedulePeriod {
  startPeriod: number;
  /** Multiple of 0.1, rounded down. */
  limit: number;
  numberPhases?: PhaseCount;
}

export interface Ocpp16ChargingSchedule {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: RateUnit;
  chargingSchedulePeriod: Ocpp16ChargingSchedulePeriod[];
  minChargingRate?: number;
}

/** The `csChargingProfiles` of a 1.6 SetChargingProfile.req. */
export interface Ocpp16ChargingProfile {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: Ocpp16Purpose;
  chargingProfileKind: ChargingProfileKind;
  recurrencyKind?: RecurrencyKind;
  validTo?: string;
  chargingSchedule: Ocpp16ChargingSchedule;
}

export interface Ocpp16ProfileOptions extends CommonProfileOptions {
  /** Default `TxProfile`. */
  purpose?: Ocpp16Purpose;
  /** Connector the profile is installed on. Default: 0 for ChargePointMaxProfile, else the session's connector. */
  connectorId?: number;
}

const ROLES: Record<Ocpp16Purpose, ProfileRole> = {
  ChargePointMaxProfile: "stationMax",
  TxDefaultProfile: "txDefault",
  TxProfile: "tx",
};

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/**
 * 1.6 transaction ids are integers. A numeric string is what a 2.x-minded engine makes of one; any other string
 * cannot be sent, and leaving it out is still valid: the TxProfile then applies to the connector's transaction.
 */
function ocpp16TransactionId(transactionId: number | string): number | undefined {
  const numeric =
    typeof transactionId === "string" && /^-?\d{1,10}$/.test(transactionId)
      ? Number(transactionId)
      : transactionId;
  if (typeof numeric === "string") return undefined;
  if (!Number.isInteger(numeric) || numeric < INT32_MIN || numeric > INT32_MAX) {
    throw new OcppProfileError(
      "transactionId",
      `must be a 32-bit integer for OCPP 1.6, got ${transactionId}`,
    );
  }
  return numeric;
}

/**
 * The profile plus the connector it belongs on, for the request builders. `anchor` comes from the dynamic
 * builders and replaces the timing options.
 */
export function assembleOcpp16(
  session: SessionProfile,
  options: Ocpp16ProfileOptions = {},
  anchor?: DynamicAnchor,
): { connectorId: number; profile: Ocpp16ChargingProfile } {
  const purpose = requireOneOf("purpose", options.purpose ?? "TxProfile", OCPP16_PURPOSES);
  const resolved = resolveProfile({
    session,
    options,
    purpose,
    role: ROLES[purpose],
    targetField: "connectorId",
    requestedTarget: options.connectorId,
    supply: "AC",
    anchor,
  });
  const { timing } = resolved;
  // Optional fields are added one by one, in wire order (the JSON key order), instead of spreading
  // throw-away objects: this runs for every command the engine sends.
  const schedule = {} as Ocpp16ChargingSchedule;
  if (timing.duration !== undefined) schedule.duration = timing.duration;
  if (timing.startSchedule !== undefined) schedule.startSchedule = timing.startSchedule;
  schedule.chargingRateUnit = resolved.units.rateUnit;
  schedule.chargingSchedulePeriod = resolved.periods;
  if (resolved.minChargingRate !== undefined) schedule.minChargingRate = resolved.minChargingRate;
  const transactionId = purpose === "TxProfile" ? ocpp16TransactionId(session.transactionId) : undefined;
  const profile = { chargingProfileId: resolved.id } as Ocpp16ChargingProfile;
  if (transactionId !== undefined) profile.transactionId = transactionId;
  profile.stackLevel = resolved.stackLevel;
  profile.chargingProfilePurpose = purpose;
  profile.chargingProfileKind = timing.kind;
  if (timing.recurrencyKind !== undefined) profile.recurrencyKind = timing.recurrencyKind;
  if (timing.validTo !== undefined) profile.validTo = timing.validTo;
  profile.chargingSchedule = schedule;
  return { connectorId: resolved.target, profile };
}

/** A 1.6 ChargingProfile (`csChargingProfiles`) from the engine's SessionProfile. */
export function buildOcpp16Profile(
  session: SessionProfile,
  options: Ocpp16ProfileOptions = {},
): Ocpp16ChargingProfile {
  return assembleOcpp16(session, options).profile;
}
