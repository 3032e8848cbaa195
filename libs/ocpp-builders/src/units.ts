/**
 * Unit conversions. OCPP `limit` and `minChargingRate` accept at most one decimal (1.6 enforces
 * `multipleOf: 0.1`), and A limits are per phase while W limits are the total over all phases.
 * Every conversion rounds DOWN, so a rounded limit never lets a car draw more than it was allocated.
 */

/**
 * The largest number with at most one decimal that is ≤ `value`, as the double nearest to that decimal, so
 * `JSON.stringify` prints it with one decimal at most (e.g. 19.3, never 19.299999999999997).
 */
export function floorToTenth(value: number): number {
  let tenths = Math.round(value * 10);
  // Math.round may have rounded up past the value; step back to stay at or below it.
  if (tenths / 10 > value) tenths -= 1;
  return tenths / 10;
}

/** Per-phase current for a total power: A = W / (V × phases), floored to 0.1 A. */
export function wattsToAmpsPerPhase(watts: number, phases: number, voltageV: number): number {
  let tenths = Math.round(floorToTenth(watts / (voltageV * phases)) * 10);
  // Division rounding can leave the product a hair above the watts; step down until it fits.
  while (tenths > 0 && (tenths / 10) * voltageV * phases > watts) tenths -= 1;
  return tenths / 10;
}
