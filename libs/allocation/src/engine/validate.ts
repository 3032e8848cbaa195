import { SmartChargingConfigError } from "../errors.js";
import { assertTimeZone } from "../strategies/time-of-use.js";
import { PHASES, type ChargingSession, type PhaseLimits, type TimeOfUseWindow } from "../types.js";

/**
 * Input checks. Each throws a SmartChargingConfigError whose `field` names the offending input, before
 * anything is changed, so a rejected call leaves the engine exactly as it was.
 */
function fail(field: string, expected: string, got: unknown): never {
  throw new SmartChargingConfigError(`${field} must be ${expected}, got ${describe(got)}`, field);
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

export function requireNonNegative(field: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    fail(field, "a finite number ≥ 0", value);
}

function optionalCap(field: string, value: unknown): void {
  if (value === undefined || value === Infinity) return;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0)
    fail(field, "a number ≥ 0 or Infinity", value);
}

export function requireSafetyMargin(value: unknown): void {
  if (typeof value !== "number" || !(value >= 0 && value < 100))
    fail("safetyMarginPct", "between 0 and 99", value);
}

export function requirePhaseCount(field: string, value: unknown): void {
  if (value !== 1 && value !== 2 && value !== 3) fail(field, "1, 2 or 3", value);
}

export function requirePhaseLimits(value: PhaseLimits | undefined): void {
  if (value === undefined) return;
  for (const p of PHASES) requireNonNegative(`phaseLimitsA.${p}`, value[p]);
}

export function requireTimeZone(value: unknown): void {
  if (value === undefined) return;
  try {
    if (typeof value !== "string") throw new RangeError();
    assertTimeZone(value);
  } catch {
    fail("timeOfUseTimezone", "an IANA time zone such as Europe/Berlin", value);
  }
}

export function requireWindows(windows: readonly TimeOfUseWindow[] | undefined): void {
  if (!Array.isArray(windows) || windows.length === 0) {
    fail("timeOfUseWindows", "at least one window for TIME_OF_USE", windows);
  }
  (windows as readonly TimeOfUseWindow[]).forEach((w, i) => {
    for (const key of ["peakStartHour", "peakEndHour"] as const) {
      if (!Number.isInteger(w[key]) || w[key] < 0 || w[key] > 23)
        fail(`timeOfUseWindows[${i}].${key}`, "an integer 0–23", w[key]);
    }
    const m = w.peakPowerMultiplier;
    if (typeof m !== "number" || !(m >= 0 && m <= 1))
      fail(`timeOfUseWindows[${i}].peakPowerMultiplier`, "between 0 and 1", m);
  });
}

export function validateSession(s: ChargingSession): void {
  const id: unknown = s.transactionId;
  if (!((typeof id === "string" && id.length > 0) || (typeof id === "number" && Number.isFinite(id)))) {
    fail("transactionId", "a non-empty string or a finite number", id);
  }
  if (typeof s.clientId !== "string" || s.clientId.length === 0)
    fail("clientId", "a non-empty string", s.clientId);
  if (s.connectorId !== undefined && (!Number.isInteger(s.connectorId) || s.connectorId < 0)) {
    fail("connectorId", "an integer ≥ 0", s.connectorId);
  }
  optionalCap("maxHardwarePowerKw", s.maxHardwarePowerKw);
  optionalCap("maxEvAcceptancePowerKw", s.maxEvAcceptancePowerKw);
  if (s.minChargeRateKw !== undefined) requireNonNegative("minChargeRateKw", s.minChargeRateKw);
  if (s.priority !== undefined) requireNonNegative("priority", s.priority);
  if (s.phases !== undefined) requirePhaseCount("phases", s.phases);
  if (s.panelPhases !== undefined) {
    const phases = s.phases ?? s.panelPhases.length;
    const valid =
      s.panelPhases.every((p) => PHASES.includes(p)) && new Set(s.panelPhases).size === s.panelPhases.length;
    if (!valid || s.panelPhases.length !== phases) {
      fail("panelPhases", `${phases} distinct phases out of L1, L2, L3`, JSON.stringify(s.panelPhases));
    }
  }
}
