/**
 * Unit conversions and rounding. All rounding goes DOWN (or, for minimums, UP to the next whole watt)
 * so that a rounded allocation never exceeds what the solver proved safe.
 */

/** Absorbs binary floating-point noise such as 1.38 * 1000 = 1379.9999999999998. */
const NOISE = 1e-6;

export function kwToWattsFloor(kw: number): number {
  return kw === Infinity ? Infinity : Math.floor(kw * 1000 + NOISE);
}

export function kwToWattsCeil(kw: number): number {
  return Math.ceil(kw * 1000 - NOISE);
}

/** Per-phase current of a power drawn evenly over `phases` conductors. */
export function wattsToAmpsPerPhase(watts: number, voltageV: number, phases: number): number {
  return watts / (voltageV * phases);
}

/** Rounds a current down to 0.1 A (what OCPP 1.6 chargers accept), ignoring float noise. */
export function floorToDeciAmps(amps: number): number {
  return Math.floor(amps * 10 + NOISE) / 10;
}
