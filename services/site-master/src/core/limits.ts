/**
 * Electrical limits inside the site-master: power in whole watts (so sums are exact and rounding is
 * explicit) and current per conductor in A. `amps` absent means no conductor is limited on that path.
 */
import type { Phase } from "@smart-charge/allocation";

export const PHASES: readonly Phase[] = ["L1", "L2", "L3"];

export type PhaseAmps = Readonly<Record<Phase, number>>;

export interface Limit {
  readonly w: number;
  readonly amps?: PhaseAmps | undefined;
}

/** kW → W rounded down: a budget is never rounded up. */
export const kwToWFloor = (kw: number): number => Math.floor(kw * 1000 + 1e-9);
/** kW → W rounded up: a minimum is never rounded down. */
export const kwToWCeil = (kw: number): number => Math.ceil(kw * 1000 - 1e-9);
/** Current rounded down to 0.1 A, as profiles and budgets carry it. */
export const ampsFloor = (a: number): number => (a === Infinity ? a : Math.floor(a * 10 + 1e-9) / 10);

export function phaseAmps(make: (phase: Phase) => number): PhaseAmps {
  return { L1: make("L1"), L2: make("L2"), L3: make("L3") };
}

/** The tighter of two limits, conductor by conductor. */
export function tighter(a: Limit, b: Limit): Limit {
  const w = Math.min(a.w, b.w);
  if (a.amps === undefined && b.amps === undefined) return { w };
  return { w, amps: phaseAmps((p) => Math.min(a.amps?.[p] ?? Infinity, b.amps?.[p] ?? Infinity)) };
}

/** Current on each conductor when `w` is drawn evenly from all three at `voltageV` line-to-neutral. */
export const balancedAmps = (w: number, voltageV: number): number => w / (3 * voltageV);

/**
 * Current a budget may put on one conductor: its own per-phase limit, or, when it has none, all of its
 * power on a single conductor (a panel of single-phase chargers on L1 can do that).
 */
export function worstCaseAmps(limit: Limit, phase: Phase, voltageV: number): number {
  return limit.amps?.[phase] ?? limit.w / voltageV;
}
