import type { PhaseCount, SessionProfile } from "@smart-charge/allocation";
import type { RateUnit } from "./options.js";
import type {
  Ocpp16SetChargingProfileRequest,
  Ocpp201SetChargingProfileRequest,
  Ocpp21SetChargingProfileRequest,
} from "./set-requests.js";
import {
  buildOcpp16SetChargingProfileRequest,
  buildOcpp201SetChargingProfileRequest,
  buildOcpp21SetChargingProfileRequest,
} from "./set-requests.js";
import { wattsToAmpsPerPhase } from "./units.js";
import { requireFiniteNonNegative, requireOneOf, requirePositive } from "./validate.js";

/** The limit a charger falls back to when it hears nothing from the engine (offline CSMS, crashed bridge). */
export interface FailSafeInput {
  /** Charging station identity, part of the stable profile id. */
  clientId: string;
  /** Conservative total power per EVSE/connector in W, e.g. the site budget divided by the connector count. */
  limitW: number;
  /** Phases and per-phase voltage, to express the limit in A. */
  phases: PhaseCount;
  voltageV: number;
  /** Default `A`: every charger that does smart charging supports A, not all support W. */
  rateUnit?: RateUnit;
  /** Default 0: the bottom of the stack, so any TxDefaultProfile the operator installs above it wins. */
  stackLevel?: number;
}

/** The fail-safe expressed as the allocation of a session on connector/EVSE 0, so the normal rules apply. */
function failSafeAllocation(input: FailSafeInput): SessionProfile {
  const limitW = requireFiniteNonNegative("limitW", input.limitW);
  const phases = requireOneOf("phases", input.phases, [1, 2, 3] as const);
  const voltageV = requirePositive("voltageV", input.voltageV);
  return {
    transactionId: "",
    clientId: input.clientId,
    connectorId: 0,
    allocatedKw: limitW / 1000,
    allocatedW: limitW,
    allocatedAmpsPerPhase: wattsToAmpsPerPhase(limitW, phases, voltageV),
    minChargeRateKw: 0,
    phases,
    voltageV,
    reason: "strategy",
    paused: false,
    panelPhases: [],
  };
}

// Relative with one open-ended period: valid from every transaction's start, for as long as nothing else applies.
function failSafeOptions(input: FailSafeInput) {
  return {
    purpose: "TxDefaultProfile",
    kind: "Relative",
    rateUnit: input.rateUnit ?? "A",
    stackLevel: input.stackLevel ?? 0,
  } as const;
}

/** 1.6: a TxDefaultProfile on connector 0, which every connector uses when it has no TxProfile. */
export function buildOcpp16FailSafeRequest(input: FailSafeInput): Ocpp16SetChargingProfileRequest {
  return buildOcpp16SetChargingProfileRequest(failSafeAllocation(input), {
    ...failSafeOptions(input),
    connectorId: 0,
  });
}

/** 2.0.1: a TxDefaultProfile on EVSE 0, which applies to each EVSE individually. */
export function buildOcpp201FailSafeRequest(input: FailSafeInput): Ocpp201SetChargingProfileRequest {
  return buildOcpp201SetChargingProfileRequest(failSafeAllocation(input), {
    ...failSafeOptions(input),
    evseId: 0,
  });
}

/** 2.1: a TxDefaultProfile on EVSE 0 (ChargingOnly: a fail-safe never discharges). */
export function buildOcpp21FailSafeRequest(input: FailSafeInput): Ocpp21SetChargingProfileRequest {
  return buildOcpp21SetChargingProfileRequest(failSafeAllocation(input), {
    ...failSafeOptions(input),
    evseId: 0,
  });
}
