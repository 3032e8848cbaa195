import type { SessionProfile } from "@smart-charge/allocation";
import type { DynamicAnchor } from "./dynamic-anchor.js";
import { OcppProfileError } from "./errors.js";
import type {
  Ocpp2ChargingProfile,
  Ocpp2ChargingSchedule,
  Ocpp2ChargingSchedulePeriod,
  Ocpp2ProfileOptions,
} from "./ocpp2-common.js";
import { assembleOcpp2, requireOcpp2Purpose } from "./ocpp2-common.js";
import type { ChargingProfileKind } from "./options.js";
import { limitInUnit } from "./schedule.js";
import type { ProfileRole } from "./target.js";
import { requireFiniteNonNegative, requireOneOf } from "./validate.js";

export type Ocpp21Purpose =
  "ChargingStationMaxProfile" | "TxDefaultProfile" | "TxProfile" | "PriorityCharging" | "LocalGeneration";
export const OCPP21_PURPOSES: readonly Ocpp21Purpose[] = [
  "ChargingStationMaxProfile",
  "TxDefaultProfile",
  "TxProfile",
  "PriorityCharging",
  "LocalGeneration",
];

/**
 * The operation modes in which a CSMS limit is allowed and no setpoint is required (2.1 "limits and setpoints
 * per operation mode"): ChargingOnly requires a limit and forbids a dischargeLimit; ExternalSetpoint allows
 * both. The other modes need a setpoint or forbid limits, which a limit builder cannot honour.
 */
export type Ocpp21OperationMode = "ChargingOnly" | "ExternalSetpoint";
const LIMIT_MODES: readonly Ocpp21OperationMode[] = ["ChargingOnly", "ExternalSetpoint"];

export interface Ocpp21ChargingSchedulePeriod extends Ocpp2ChargingSchedulePeriod {
  /** ≤ 0: how much the EV may discharge, in the schedule's unit (W total or A per phase). */
  dischargeLimit?: number;
  /** Absent means ChargingOnly. */
  operationMode?: Ocpp21OperationMode;
}
export type Ocpp21ChargingSchedule = Ocpp2ChargingSchedule<Ocpp21ChargingSchedulePeriod>;
/** The `chargingProfile` of a 2.1 SetChargingProfileRequest. */
export type Ocpp21ChargingProfile = Ocpp2ChargingProfile<
  Ocpp21Purpose,
  ChargingProfileKind,
  Ocpp21ChargingSchedulePeriod
>;

export interface Ocpp21ProfileOptions extends Ocpp2ProfileOptions {
  /** Default `TxProfile`. */
  purpose?: Ocpp21Purpose;
  /** V2G: how much the EV may discharge, in W, as a positive magnitude; written as a negative dischargeLimit. */
  dischargeLimitW?: number;
  /** Default: ExternalSetpoint when dischargeLimitW is given, else ChargingOnly (left out, as it is the default). */
  operationMode?: Ocpp21OperationMode;
}

const ROLES: Record<Ocpp21Purpose, ProfileRole> = {
  ChargingStationMaxProfile: "stationMax",
  TxDefaultProfile: "txDefault",
  TxProfile: "tx",
  PriorityCharging: "other",
  LocalGeneration: "other",
};

/** 2.1 Table 95 narrowed to the limit modes: only transaction profiles may leave ChargingOnly (K01.FR.71 for PriorityCharging). */
function resolveOperationMode(options: Ocpp21ProfileOptions, purpose: Ocpp21Purpose): Ocpp21OperationMode {
  const requested =
    options.operationMode ?? (options.dischargeLimitW === undefined ? "ChargingOnly" : "ExternalSetpoint");
  const mode = requireOneOf("operationMode", requested, LIMIT_MODES);
  if (mode !== "ChargingOnly" && purpose !== "TxProfile" && purpose !== "TxDefaultProfile") {
    throw new OcppProfileError(
      "operationMode",
      `${purpose} only allows ChargingOnly, so it cannot discharge`,
    );
  }
  if (mode === "ChargingOnly" && options.dischargeLimitW !== undefined) {
    throw new OcppProfileError(
      "dischargeLimitW",
      "ChargingOnly forbids a dischargeLimit; use operationMode ExternalSetpoint",
    );
  }
  return mode;
}

function checkDischargeLimitW(value: number | undefined): void {
  if (value === undefined) return;
  if (Number.isFinite(value) && value < 0) {
    throw new OcppProfileError(
      "dischargeLimitW",
      `give the magnitude (${-value}); the builder writes it as a negative dischargeLimit`,
    );
  }
  requireFiniteNonNegative("dischargeLimitW", value);
}

/** The profile plus the EVSE it belongs on, for the request builders (`anchor`: see assembleOcpp2). */
export function assembleOcpp21(
  session: SessionProfile,
  options: Ocpp21ProfileOptions = {},
  anchor?: DynamicAnchor,
): { evseId: number; profile: Ocpp21ChargingProfile } {
  const purpose = requireOcpp2Purpose(options.purpose ?? "TxProfile", OCPP21_PURPOSES);
  // A dynamic profile always has a duration (backdate + ttl).
  const hasDuration = anchor !== undefined || options.durationSeconds !== undefined;
  if (purpose === "PriorityCharging" && hasDuration) {
    throw new OcppProfileError(
      "durationSeconds",
      "PriorityCharging lasts until the transaction ends and has no duration (K01.FR.70)",
    );
  }
  checkDischargeLimitW(options.dischargeLimitW);
  const operationMode = resolveOperationMode(options, purpose);
  const { evseId, resolved, profile } = assembleOcpp2(session, options, purpose, ROLES[purpose], anchor);
  const extra: Pick<Ocpp21ChargingSchedulePeriod, "dischargeLimit" | "operationMode"> = {};
  if (options.dischargeLimitW !== undefined) {
    // `0 - x` rather than `-x`, so no discharge is written as 0 and not as -0.
    extra.dischargeLimit = 0 - limitInUnit(options.dischargeLimitW, resolved.units);
  }
  if (operationMode !== "ChargingOnly") extra.operationMode = operationMode;
  // Nothing to add (the usual charge-only limit): the periods are already fresh objects of their own.
  if (extra.dischargeLimit === undefined && extra.operationMode === undefined) return { evseId, profile };
  const chargingSchedule = profile.chargingSchedule.map((schedule) => ({
    ...schedule,
    chargingSchedulePeriod: schedule.chargingSchedulePeriod.map((period) => ({ ...period, ...extra })),
  }));
  return { evseId, profile: { ...profile, chargingSchedule } };
}

/** A 2.1 ChargingProfile (`chargingProfile`) from the engine's SessionProfile, with V2G discharge if asked. */
export function buildOcpp21Profile(
  session: SessionProfile,
  options: Ocpp21ProfileOptions = {},
): Ocpp21ChargingProfile {
  return assembleOcpp21(session, options).profile;
}
