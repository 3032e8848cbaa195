import { consume, fits, type Capacity, type SolverSession } from "./model.js";
import { turnOf, type RotationState, type Turn } from "./rotation.js";

/**
 * Decides who charges when the minimums do not all fit. Candidates are ranked by priority (highest
 * first), then by their turn in the rotation, then by arrival (and input order); each is admitted if its minimum still fits
 * every constraint. When all minimums fit, everyone is admitted: nobody is paused without need.
 * Admitted minimums are reserved in `capacity`.
 */
export function admit(
  candidates: readonly SolverSession[],
  capacity: Capacity,
  rotation: RotationState,
  now: number,
  dwellMs: number,
): { admitted: SolverSession[]; paused: SolverSession[] } {
  const turns = new Map<SolverSession, Turn>();
  for (const s of candidates) turns.set(s, turnOf(rotation[s.key], now, dwellMs));
  const ranked = [...candidates].sort((a, b) => compare(a, b, turns));
  const admitted: SolverSession[] = [];
  const paused: SolverSession[] = [];
  for (const s of ranked) {
    if (fits(capacity, s, s.lo)) {
      consume(capacity, s, s.lo);
      admitted.push(s);
    } else {
      paused.push(s);
    }
  }
  return { admitted, paused };
}

function compare(a: SolverSession, b: SolverSession, turns: ReadonlyMap<SolverSession, Turn>): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const ta = turns.get(a);
  const tb = turns.get(b);
  if (ta !== undefined && tb !== undefined) {
    if (ta.standing !== tb.standing) return ta.standing - tb.standing;
    if (ta.claim !== tb.claim) return tb.claim - ta.claim;
  }
  if (a.addedAt !== b.addedAt) return a.addedAt - b.addedAt;
  return a.index - b.index;
}
