import type { ActiveSession } from "../types.js";
import { admitsAllInAnyOrder } from "./any-order.js";
import { consume, fits, TOTAL, type Capacity, type SolverSession } from "./model.js";
import { rank } from "./rank.js";
import type { RotationEntry } from "./rotation.js";
import type { StrategySpec } from "./strategy-spec.js";

export interface Admission {
  /** In rank order, or in input order when that cannot change any result (see any-order.ts). */
  readonly admitted: readonly SolverSession[];
  readonly paused: readonly SolverSession[];
  /** The admitted sessions in rank order: `admitted` itself, or worked out only when asked for. */
  readonly ranked: () => readonly SolverSession[];
}

export interface AdmissionRequest {
  /** In input order; `minimumW` is the sum of their minimums, added up in that order. */
  readonly candidates: readonly SolverSession[];
  readonly minimumW: number;
  /** The request's sessions, by input position (for their arrival times). */
  readonly sessions: readonly ActiveSession[];
  readonly strategy: StrategySpec;
  readonly prior: readonly (RotationEntry | undefined)[];
  readonly now: number;
  readonly dwellMs: number;
}

/**
 * Decides who charges when the minimums do not all fit. Candidates are ranked by priority (highest
 * first), then by their turn in the rotation, then by arrival (and input order); each is admitted if its
 * minimum still fits every constraint. When all minimums fit, everyone is admitted: nobody is paused
 * without need, and the ranking is skipped when its order cannot matter. Admitted minimums are reserved
 * in `capacity`.
 */
export function admit(request: AdmissionRequest, capacity: Capacity): Admission {
  const { candidates, sessions, prior, now, dwellMs } = request;
  if (admitsAllInAnyOrder(request.strategy, capacity, request.candidates, request.minimumW)) {
    // The same capacity as reserving the minimums one by one: whole watts, exact in any order.
    capacity[TOTAL] = (capacity[TOTAL] ?? 0) - request.minimumW;
    return {
      admitted: candidates,
      paused: [],
      ranked: () => rank(candidates, sessions, prior, now, dwellMs),
    };
  }
  const admitted: SolverSession[] = [];
  const paused: SolverSession[] = [];
  for (const s of rank(candidates, sessions, prior, now, dwellMs)) {
    if (fits(capacity, s, s.lo)) {
      consume(capacity, s, s.lo);
      admitted.push(s);
    } else {
      paused.push(s);
    }
  }
  return { admitted, paused, ranked: () => admitted };
}
