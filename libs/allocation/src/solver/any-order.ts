import { ampsPerWatt, TOTAL, type SolverSession } from "./model.js";
import type { StrategySpec } from "./strategy-spec.js";

/**
 * Whether every candidate is admitted AND the order the sessions are handled in cannot change any
 * result, so admission can skip ranking them (a sort) and take them in input order.
 *
 * Order matters to the solver only through floating-point sums and ties: the capacity left after each
 * reservation, the slopes summed by the fill, the capacity a second tier or round inherits, and who gives
 * back first when rounding overshoots. Here none of that can differ:
 * - only the total budget is limited (phases unlimited), in whole watts below 2^52, and the whole-watt
 *   minimums add up to no more than it: every sequential admission check passes, and the capacity left
 *   is exact in any order (an unlimited phase stays Infinity, every k × lo being finite);
 * - one tier, every weight a whole number above 0: one fill round freezes everybody (the total binds
 *   everyone, or nobody is limited), its slopes add up exactly, and nothing inherits its capacity;
 * - a rounding overshoot is cut in rank order: the caller asks for it only then (enforceLimits).
 */
export function admitsAllInAnyOrder(
  strategy: StrategySpec,
  capacity: readonly number[],
  candidates: readonly SolverSession[],
  minimumW: number,
): boolean {
  if (strategy.kind === "CUSTOM" || (strategy.kind === "PRIORITY" && strategy.strictTiers === true))
    return false;
  if (capacity[1] !== Infinity || capacity[2] !== Infinity || capacity[3] !== Infinity) return false;
  const total = capacity[TOTAL] ?? 0;
  // Below 2^52, the final whole-watt allocations (at most the total plus 1 W each) also add up exactly.
  if (!(minimumW <= total) || (total > 2 ** 52 && total !== Infinity)) return false;
  for (const s of candidates) {
    if (!(s.weight > 0) || (s.weight | 0) !== s.weight || !Number.isFinite(ampsPerWatt(s) * s.lo))
      return false;
  }
  return true;
}
