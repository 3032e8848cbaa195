import type { SessionProfile } from "@smart-charge/allocation";
import { expect } from "vitest";
import type { ChargingProfileKind, RateUnit } from "../options.js";
import { OCPP_UTC_DATE_TIME, hasAtMostOneDecimal } from "./assertions.js";

interface AnySchedule {
  startSchedule?: string;
  chargingRateUnit: RateUnit;
  chargingSchedulePeriod: {
    startPeriod: number;
    limit: number;
    numberPhases?: number;
    dischargeLimit?: number;
  }[];
  minChargingRate?: number;
}

interface AnyProfile {
  chargingProfileKind: ChargingProfileKind;
  validTo?: string;
}

/** Rules every profile of every version must follow, whatever the options. */
export function expectProfileRules(id: number, profile: AnyProfile, schedules: readonly AnySchedule[]): void {
  expect(Number.isInteger(id) && id >= 1 && id <= 2_147_483_647).toBe(true);
  if (profile.validTo !== undefined) expect(profile.validTo).toMatch(OCPP_UTC_DATE_TIME);
  for (const schedule of schedules) {
    // K01.FR.40/41: Absolute and Recurring carry a startSchedule, Relative never does.
    expect(schedule.startSchedule !== undefined).toBe(profile.chargingProfileKind !== "Relative");
    if (schedule.startSchedule !== undefined) expect(schedule.startSchedule).toMatch(OCPP_UTC_DATE_TIME);
    const periods = schedule.chargingSchedulePeriod;
    expect(periods.length).toBeGreaterThanOrEqual(1);
    expect(periods.length).toBeLessThanOrEqual(1024);
    expect(periods[0]?.startPeriod).toBe(0);
    periods.forEach((period, index) => {
      if (index > 0) expect(period.startPeriod).toBeGreaterThan(periods[index - 1]?.startPeriod ?? Infinity);
      expect(period.limit).toBeGreaterThanOrEqual(0);
      expect(hasAtMostOneDecimal(period.limit)).toBe(true);
      if (period.dischargeLimit !== undefined) expect(period.dischargeLimit).toBeLessThanOrEqual(0);
    });
    if (schedule.minChargingRate !== undefined)
      expect(hasAtMostOneDecimal(schedule.minChargingRate)).toBe(true);
  }
}

/**
 * A limit built from the allocation never lets the car draw more than it was given: in A, neither above the
 * reported amps nor, times voltage and phases, above the watts; in W, not above the watts.
 */
export function expectWithinAllocation(
  session: SessionProfile,
  rateUnit: RateUnit,
  limit: number,
  conversionPhases: number,
): void {
  if (rateUnit === "W") {
    expect(limit).toBeLessThanOrEqual(session.allocatedW);
    return;
  }
  expect(limit).toBeLessThanOrEqual(session.allocatedAmpsPerPhase);
  expect(limit * session.voltageV * conversionPhases).toBeLessThanOrEqual(session.allocatedW);
  // Multiple of 0.1: ten times the limit is a whole number, up to floating-point noise.
  expect(Math.abs(limit * 10 - Math.round(limit * 10))).toBeLessThan(1e-9);
}
