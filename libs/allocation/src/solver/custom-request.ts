import type { ActiveSession } from "../types.js";
import type { StrategyAdjustment } from "../strategies/custom.js";
import { Outcome, type SolverSession } from "./model.js";

/** A custom strategy's request becomes the session's cap and its weight: proportional when it must shrink. */
export function boundByRequest(
  s: SolverSession,
  requested: number,
  adjustments: StrategyAdjustment[],
  sessions: readonly ActiveSession[],
): SolverSession {
  const transactionId = idOf(sessions, s);
  let hi = requested;
  if (requested > s.hi)
    adjustments.push({ transactionId, requestedKw: requested / 1000, problem: "above-cap" });
  if (requested > 0 && requested < s.lo) {
    adjustments.push({ transactionId, requestedKw: requested / 1000, problem: "below-minimum" });
    hi = 0;
  }
  const capped = Math.min(hi, s.hi);
  const lo = Math.min(s.lo, capped);
  return {
    index: s.index,
    lo,
    hi: capped,
    capReason: capped < s.hi ? "strategy" : s.capReason,
    priority: s.priority,
    weight: capped,
    wattsPerAmp: s.wattsPerAmp,
    phaseMask: s.phaseMask,
    watts: 0,
    belowMinimum: lo > 0,
    boundBy: -1,
    outcome: Outcome.Idle,
    charging: false,
  };
}

/** Candidates the strategy wanted to give more than they finally got. */
export function noteOverBudget(
  candidates: readonly SolverSession[],
  adjustments: StrategyAdjustment[],
  sessions: readonly ActiveSession[],
): void {
  for (const s of candidates) {
    if (s.watts < s.hi) {
      adjustments.push({
        transactionId: idOf(sessions, s),
        requestedKw: s.hi / 1000,
        problem: "over-budget",
      });
    }
  }
}

/** The session's transactionId; its string form should the session be missing it. */
function idOf(sessions: readonly ActiveSession[], s: SolverSession): number | string {
  const id = sessions[s.index]?.transactionId;
  return id ?? String(id);
}
