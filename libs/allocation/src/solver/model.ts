import type { Phase } from "../types.js";

/**
 * The solver's view of the electrical constraints: index 0 is the total power budget (W), indices 1–3
 * are the currents of conductors L1–L3 (A). A constraint that is not configured has capacity Infinity.
 */
export const TOTAL = 0;
export const CONSTRAINT_COUNT = 4;
export const PHASE_INDEX: Readonly<Record<Phase, 1 | 2 | 3>> = { L1: 1, L2: 2, L3: 3 };
export const PHASE_OF_INDEX: readonly (Phase | undefined)[] = [undefined, "L1", "L2", "L3"];

export type CapReason = "hardware-cap" | "ev-cap" | "strategy";

/** What became of a session; the profile's `reason` follows from it. */
export const Outcome = {
  /** Not filled (not a candidate: its cap is 0): reason `capReason`. */
  Idle: 0,
  Paused: 1,
  /** Admitted and charging, bound by: */
  Cap: 2,
  Minimum: 3,
  Phase: 4,
  Budget: 5,
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/**
 * One session reduced to what the solver needs, in whole watts, and what the solver found for it.
 * Built fresh by one object literal per session and request (so all share one shape); the results are
 * fields here rather than per-call Maps or arrays, because the solver runs on every optimize() of sites
 * with thousands of sessions and these objects exist anyway. Fields hold small integers where possible:
 * V8 keeps every other number in a field in a separate heap object.
 */
export interface SolverSession {
  /** Position in the caller's input, so results come back in input order. */
  readonly index: number;
  /** Minimum in W (rounded up), already clipped to `hi`. */
  readonly lo: number;
  /** Cap in W (rounded down), Infinity when uncapped. */
  readonly hi: number;
  readonly capReason: CapReason;
  readonly priority: number;
  /** Share of the above-minimum power this session's level grows with. */
  weight: number;
  /** V × phases: W per A drawn on each of its conductors (see ampsPerWatt). */
  readonly wattsPerAmp: number;
  /** Bit c (1–3) is set when the session draws from conductor c: a bit test instead of a list search. */
  readonly phaseMask: number;
  /** Allocation in whole watts; 0 unless admitted. */
  watts: number;
  /** Its fill level stayed below its minimum (a level never raised counts as 0): it got its minimum. */
  belowMinimum: boolean;
  /** The constraint that ran out for this session; -1 when it reached its cap first (or never filled). */
  boundBy: number;
  outcome: Outcome;
  /** Was given an allocation (by its tier's fill, or a cut), so it counts as charging for the rotation. */
  charging: boolean;
}

/** A drawn on each of its conductors per W allocated. */
export function ampsPerWatt(s: SolverSession): number {
  return 1 / s.wattsPerAmp;
}

/** How much of constraint `c` one watt of session `s` consumes. */
export function coefficient(s: SolverSession, c: number): number {
  if (c === TOTAL) return 1;
  return (s.phaseMask >> c) & 1 ? ampsPerWatt(s) : 0;
}

/** Remaining capacity per constraint, mutable while the solver reserves power. */
export type Capacity = number[];

/**
 * Takes `watts` of session `s` from the capacity: the total (k = 1; 1 × w is exactly w), then the
 * conductors it draws from. The same arithmetic as looping over the four constraints with coefficient().
 */
export function consume(capacity: Capacity, s: SolverSession, watts: number): void {
  capacity[TOTAL] = (capacity[TOTAL] ?? 0) - watts;
  if (s.phaseMask < 2 || (unlimitedPhases(capacity) && watts < Infinity && s.wattsPerAmp >= 1)) return;
  const k = ampsPerWatt(s);
  if (!(k > 0)) return;
  for (let c = 1; c < CONSTRAINT_COUNT; c++) {
    if ((s.phaseMask >> c) & 1) capacity[c] = (capacity[c] ?? 0) - k * watts;
  }
}

/**
 * No phase is limited: then taking any current below +Infinity (watts < Infinity, k ≤ 1 A/W) leaves
 * every phase at Infinity, so consume() can skip the phases, a measurable share of optimize().
 */
function unlimitedPhases(capacity: Capacity): boolean {
  return capacity[1] === Infinity && capacity[2] === Infinity && capacity[3] === Infinity;
}

/** Whether `watts` of session `s` fit every constraint it draws on (same arithmetic as consume()). */
export function fits(capacity: Capacity, s: SolverSession, watts: number): boolean {
  if (watts > (capacity[TOTAL] ?? 0)) return false;
  if (s.phaseMask < 2) return true;
  const k = ampsPerWatt(s);
  if (!(k > 0)) return true;
  for (let c = 1; c < CONSTRAINT_COUNT; c++) {
    if ((s.phaseMask >> c) & 1 && k * watts > (capacity[c] ?? 0)) return false;
  }
  return true;
}
