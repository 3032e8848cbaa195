import type { PhaseCount } from "@smart-charge/allocation";
import { OcppProfileError } from "./errors.js";
import type { ManualSchedulePeriod, PowerSchedulePeriod, RateUnit } from "./options.js";
import { floorToTenth, wattsToAmpsPerPhase } from "./units.js";
import { requireFiniteNonNegative, requireInteger, requireOneOf } from "./validate.js";

/** The 2.x schemas cap chargingSchedulePeriod at 1024; 1.6 leaves it to ChargingScheduleMaxPeriods, so we use the same cap. */
export const MAX_SCHEDULE_PERIODS = 1024;

/** A period in the profile's rate unit, ready to be written into any version's schedule. */
export interface SchedulePeriod {
  startPeriod: number;
  limit: number;
  numberPhases?: PhaseCount;
}

/** How W from the engine become the profile's unit. */
export interface UnitContext {
  rateUnit: RateUnit;
  /** Phases the charger may use; undefined for DC, where OCPP forbids numberPhases. */
  numberPhases: PhaseCount | undefined;
  /** Phases used to turn W into A per phase (never fewer than the session's, so A never overshoots). */
  conversionPhases: PhaseCount;
  voltageV: number;
}

/** K01.FR.31/35 and 1.6 §3.13.4: the first period starts at 0 and start times strictly rise. */
export function checkStartPeriods(field: string, periods: readonly { startPeriod: number }[]): void {
  // A plain length check: Array.isArray would widen the element type to any.
  if (
    typeof periods !== "object" ||
    periods === null ||
    typeof periods.length !== "number" ||
    periods.length === 0
  ) {
    throw new OcppProfileError(field, "must contain at least one period");
  }
  if (periods.length > MAX_SCHEDULE_PERIODS) {
    throw new OcppProfileError(
      field,
      `has ${periods.length} periods, at most ${MAX_SCHEDULE_PERIODS} are allowed`,
    );
  }
  let previous = -1;
  periods.forEach((period, index) => {
    const startField = `${field}[${index}].startPeriod`;
    const start = requireInteger(startField, period.startPeriod, 0);
    if (index === 0 && start !== 0)
      throw new OcppProfileError(startField, `the first period must start at 0, got ${start}`);
    if (start <= previous) {
      throw new OcppProfileError(
        startField,
        `must be greater than the previous start ${previous}, got ${start}`,
      );
    }
    previous = start;
  });
}

export function limitInUnit(watts: number, units: UnitContext): number {
  return units.rateUnit === "W"
    ? floorToTenth(watts)
    : wattsToAmpsPerPhase(watts, units.conversionPhases, units.voltageV);
}

function withPhases(
  period: { startPeriod: number; limit: number },
  numberPhases: PhaseCount | undefined,
): SchedulePeriod {
  return numberPhases === undefined ? period : { ...period, numberPhases };
}

/** The engine's W schedule as periods in the profile's unit. */
export function periodsFromPowerSchedule(
  schedule: readonly PowerSchedulePeriod[],
  units: UnitContext,
): SchedulePeriod[] {
  checkStartPeriods("schedule", schedule);
  return schedule.map((period, index) => {
    const watts = requireFiniteNonNegative(`schedule[${index}].limitW`, period.limitW);
    return withPhases(
      { startPeriod: period.startPeriod, limit: limitInUnit(watts, units) },
      units.numberPhases,
    );
  });
}

/** The seed's `periods`: limits already in the profile's unit, floored to 0.1 so 1.6 accepts them. */
export function periodsFromManual(
  periods: readonly ManualSchedulePeriod[],
  units: UnitContext,
): SchedulePeriod[] {
  checkStartPeriods("periods", periods);
  return periods.map((period, index) => {
    const limit = floorToTenth(requireFiniteNonNegative(`periods[${index}].limit`, period.limit));
    if (period.numberPhases !== undefined && units.numberPhases === undefined) {
      throw new OcppProfileError(`periods[${index}].numberPhases`, "is only allowed for AC supply");
    }
    const phases =
      period.numberPhases === undefined
        ? units.numberPhases
        : requireOneOf(`periods[${index}].numberPhases`, period.numberPhases, [1, 2, 3] as const);
    return withPhases({ startPeriod: period.startPeriod, limit }, phases);
  });
}
