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

/** One session reduced to what the solver needs, in whole watts. */
export interface SolverSession {
  /** transactionId as a string: the identity used for rotation state. */
  readonly key: string;
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
  /** A drawn on each of its conductors per W allocated: 1 / (V × phases). */
  readonly ampsPerWatt: number;
  /** Conductor indices (1–3) the session draws from. */
  readonly phaseIndices: readonly number[];
  readonly addedAt: number;
}

/** How much of constraint `c` one watt of session `s` consumes. */
export function coefficient(s: SolverSession, c: number): number {
  if (c === TOTAL) return 1;
  return s.phaseIndices.includes(c) ? s.ampsPerWatt : 0;
}

/** Remaining capacity per constraint, mutable while the solver reserves power. */
export type Capacity = number[];

export function consume(capacity: Capacity, s: SolverSession, watts: number): void {
  for (let c = 0; c < CONSTRAINT_COUNT; c++) {
    const k = coefficient(s, c);
    if (k > 0) capacity[c] = (capacity[c] ?? 0) - k * watts;
  }
}

export function fits(capacity: Capacity, s: SolverSession, watts: number): boolean {
  for (let c = 0; c < CONSTRAINT_COUNT; c++) {
    const k = coefficient(s, c);
    if (k > 0 && k * watts > (capacity[c] ?? 0)) return false;
  }
  return true;
}
