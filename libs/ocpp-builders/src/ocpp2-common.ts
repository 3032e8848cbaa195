import type { PhaseCount, SessionProfile } from "@smart-charge/allocation";
import type { DynamicAnchor } from "./dynamic-anchor.js";
import { OcppProfileError } from "./errors.js";
import type { SupplyType } from "./limits.js";
import type { ChargingProfileKind, CommonProfileOptions, RateUnit, RecurrencyKind } from "./options.js";
import type { ResolvedProfile } from "./profile-core.js";
import { resolveProfile } from "./profile-core.js";
import type { ProfileRole } from "./target.js";
import { requireOneOf } from "./validate.js";

/** Fields shared by the 2.0.1 and 2.1 ChargingSchedulePeriodType. */
export interface Ocpp2ChargingSchedulePeriod {
  startPeriod: number;
  limit: number;
  /** AC only. */
  numberPhases?: PhaseCount;
  /** AC only, and only with numberPhases 1 (K01.FR.19). */
  phaseToUse?: PhaseCount;
}

export interface Ocpp2ChargingSchedule<P extends Ocpp2ChargingSchedulePeriod = Ocpp2ChargingSchedulePeriod> {
  id: number;
  startSchedule?: string;
  duration?: number;
  chargingRateUnit: RateUnit;
  chargingSchedulePeriod: P[];
  minChargingRate?: number;
}

export interface Ocpp2ChargingProfile<
  Purpose extends string,
  Kind extends string,
  P extends Ocpp2ChargingSchedulePeriod,
> {
  id: number;
  stackLevel: number;
  chargingProfilePurpose: Purpose;
  chargingProfileKind: Kind;
  recurrencyKind?: RecurrencyKind;
  validTo?: string;
  /** One schedule: the 2.x schemas allow 1–3, the extra ones only matter for ISO 15118 tariffs. */
  chargingSchedule: Ocpp2ChargingSchedule<P>[];
  /** TxProfile only: string, at most 36 characters. */
  transactionId?: string;
}

export interface Ocpp2ProfileOptions extends CommonProfileOptions {
  /** EVSE the profile is installed on. Default: 0 for ChargingStationMaxProfile, else the session's connectorId. */
  evseId?: number;
  /** Default `AC`. DC profiles carry no numberPhases/phaseToUse and must use W. */
  supplyType?: SupplyType;
  /** Phase for single-phase charging on EVSEs that can switch phases; needs numberPhases 1. */
  phaseToUse?: PhaseCount;
}

/** The schedule id; 2.x requires one and ISO 15118-2 needs it ≥ 1 (SAScheduleTupleID). */
export const SCHEDULE_ID = 1;

export function requireOcpp2Purpose<P extends string>(value: unknown, allowed: readonly P[]): P {
  if (value === "ChargingStationExternalConstraints") {
    throw new OcppProfileError(
      "purpose",
      "ChargingStationExternalConstraints belongs to external systems; the CSMS must not set it (K01.FR.22)",
    );
  }
  return requireOneOf("purpose", value, allowed);
}

function ocpp2TransactionId(transactionId: number | string): string {
  const text = String(transactionId);
  if (text.length === 0 || text.length > 36) {
    throw new OcppProfileError(
      "transactionId",
      `must be 1–36 characters for OCPP 2.x, got ${JSON.stringify(text)}`,
    );
  }
  return text;
}

function applyPhaseToUse(resolved: ResolvedProfile, phaseToUse: unknown): Ocpp2ChargingSchedulePeriod[] {
  if (phaseToUse === undefined) return resolved.periods;
  const phase = requireOneOf("phaseToUse", phaseToUse, [1, 2, 3] as const);
  if (resolved.units.numberPhases === undefined)
    throw new OcppProfileError("phaseToUse", "is only allowed for AC supply");
  return resolved.periods.map((period, index) => {
    if (period.numberPhases !== 1) {
      throw new OcppProfileError(
        "phaseToUse",
        `needs numberPhases 1 (K01.FR.19), period ${index} has ${String(period.numberPhases)}`,
      );
    }
    return { ...period, phaseToUse: phase };
  });
}

export interface Ocpp2Assembly<Purpose extends string> {
  evseId: number;
  resolved: ResolvedProfile;
  profile: Ocpp2ChargingProfile<Purpose, ChargingProfileKind, Ocpp2ChargingSchedulePeriod>;
}

/**
 * Builds the parts 2.0.1 and 2.1 share; the version modules add their own fields. `anchor` comes from the
 * dynamic builders and replaces the timing options.
 */
export function assembleOcpp2<Purpose extends string>(
  session: SessionProfile,
  options: Ocpp2ProfileOptions,
  purpose: Purpose,
  role: ProfileRole,
  anchor?: DynamicAnchor,
): Ocpp2Assembly<Purpose> {
  const supply = requireOneOf("supplyType", options.supplyType ?? "AC", ["AC", "DC"] as const);
  const resolved = resolveProfile({
    session,
    options,
    purpose,
    role,
    targetField: "evseId",
    requestedTarget: options.evseId,
    supply,
    anchor,
  });
  const { timing } = resolved;
  // Optional fields are added one by one, in wire order (the JSON key order), instead of spreading
  // throw-away objects: this runs for every command the engine sends.
  const schedule = { id: SCHEDULE_ID } as Ocpp2ChargingSchedule;
  if (timing.startSchedule !== undefined) schedule.startSchedule = timing.startSchedule;
  if (timing.duration !== undefined) schedule.duration = timing.duration;
  schedule.chargingRateUnit = resolved.units.rateUnit;
  schedule.chargingSchedulePeriod = applyPhaseToUse(resolved, options.phaseToUse);
  if (resolved.minChargingRate !== undefined) schedule.minChargingRate = resolved.minChargingRate;
  const profile = {
    id: resolved.id,
    stackLevel: resolved.stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: timing.kind,
  } as Ocpp2Assembly<Purpose>["profile"];
  if (timing.recurrencyKind !== undefined) profile.recurrencyKind = timing.recurrencyKind;
  if (timing.validTo !== undefined) profile.validTo = timing.validTo;
  profile.chargingSchedule = [schedule];
  if (role === "tx") profile.transactionId = ocpp2TransactionId(session.transactionId);
  return { evseId: resolved.target, resolved, profile };
}
