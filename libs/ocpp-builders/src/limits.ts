import type { PhaseCount, SessionProfile } from "@smart-charge/allocation";
import { OcppProfileError } from "./errors.js";
import type { CommonProfileOptions } from "./options.js";
import { RATE_UNITS } from "./options.js";
import type { SchedulePeriod, UnitContext } from "./schedule.js";
import { limitInUnit, periodsFromManual, periodsFromPowerSchedule } from "./schedule.js";
import type { ProfileRole } from "./target.js";
import { floorToTenth, wattsToAmpsPerPhase } from "./units.js";
import { requireOneOf } from "./validate.js";

/** AC chargers take numberPhases; DC ones must not get it (2.0.1 K01.FR.44) and have no per-phase amps. */
export type SupplyType = "AC" | "DC";

export function resolveUnits(
  session: SessionProfile,
  options: CommonProfileOptions,
  supply: SupplyType,
): UnitContext {
  const rateUnit = requireOneOf("rateUnit", options.rateUnit ?? "W", RATE_UNITS);
  if (supply === "DC") {
    if (rateUnit === "A")
      throw new OcppProfileError("rateUnit", "DC profiles must use W: A per phase has no meaning for DC");
    if (options.numberPhases !== undefined)
      throw new OcppProfileError("numberPhases", "is only allowed for AC supply");
  }
  const numberPhases =
    supply === "DC"
      ? undefined
      : requireOneOf("numberPhases", options.numberPhases ?? session.phases, [1, 2, 3] as const);
  // If the charger cannot switch phases it ignores numberPhases and draws on all of the session's phases,
  // so amps are computed for whichever count is larger: the total then never exceeds the allocation.
  const conversionPhases = Math.max(session.phases, numberPhases ?? 1) as PhaseCount;
  return { rateUnit, numberPhases, conversionPhases, voltageV: session.voltageV };
}

/** The session's allocation as one period, in the profile's unit and never above the allocation. */
function allocationPeriod(session: SessionProfile, units: UnitContext): SchedulePeriod {
  let limit = limitInUnit(session.allocatedW, units);
  // A strategy may report fewer amps than its watts imply; the smaller of the two is what was allocated.
  if (units.rateUnit === "A") limit = Math.min(limit, floorToTenth(session.allocatedAmpsPerPhase));
  return units.numberPhases === undefined
    ? { startPeriod: 0, limit }
    : { startPeriod: 0, limit, numberPhases: units.numberPhases };
}

export function resolvePeriods(
  session: SessionProfile,
  options: Pick<CommonProfileOptions, "periods" | "schedule">,
  units: UnitContext,
): SchedulePeriod[] {
  if (options.periods !== undefined && options.schedule !== undefined) {
    throw new OcppProfileError(
      "schedule",
      "pass either `periods` (in rateUnit) or `schedule` (in W), not both",
    );
  }
  if (options.periods !== undefined) return periodsFromManual(options.periods, units);
  if (options.schedule !== undefined) return periodsFromPowerSchedule(options.schedule, units);
  return [allocationPeriod(session, units)];
}

/** The EV's minimum only means something for a transaction's own profiles, never for a station-wide cap. */
export function resolveMinChargingRate(
  session: SessionProfile,
  units: UnitContext,
  role: ProfileRole,
): number | undefined {
  if (role !== "tx" && role !== "txDefault") return undefined;
  // Rounded to the milliwatt first: 4.1 * 1000 is 4099.9999999999995 in floating point.
  const minW = Math.round(session.minChargeRateKw * 1_000_000) / 1000;
  const rate =
    units.rateUnit === "W"
      ? floorToTenth(minW)
      : wattsToAmpsPerPhase(minW, units.conversionPhases, units.voltageV);
  return rate > 0 ? rate : undefined;
}
