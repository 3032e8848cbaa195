import { Outcome, TOTAL, type SolverSession } from "./model.js";
import type { StrategySpec } from "./strategy-spec.js";
import { waterFill } from "./water-fill.js";

/**
 * Fills the tiers one after another from the capacity left after the minimums and records what bound
 * each session (its `outcome`).
 */
export function fillTiers(
  strategy: StrategySpec,
  admitted: readonly SolverSession[],
  capacity: number[],
): void {
  const strict = strategy.kind === "PRIORITY" && strategy.strictTiers === true;
  for (const tier of fillOrder(strategy, admitted)) {
    if (strict || tier.every((s) => s.weight === 0)) for (const s of tier) s.weight = 1;
    waterFill(tier, capacity);
    for (const s of tier) {
      s.charging = true;
      const w = s.watts;
      if (w <= s.lo && s.lo > 0 && s.belowMinimum) s.outcome = Outcome.Minimum;
      else if (w >= s.hi) s.outcome = Outcome.Cap;
      else if (s.boundBy > TOTAL) s.outcome = Outcome.Phase;
      else s.outcome = Outcome.Budget;
    }
  }
}

/**
 * Groups of sessions filled one after another. Strict tiers fill each priority to its caps before the
 * next; in the weighted modes, sessions of weight 0 take only what the weighted ones leave, so power is
 * never left unused while someone could take it.
 */
function fillOrder(strategy: StrategySpec, admitted: readonly SolverSession[]): (readonly SolverSession[])[] {
  if (strategy.kind === "PRIORITY" && strategy.strictTiers === true) return byTier(admitted);
  if (admitted.every((s) => s.weight > 0)) return [admitted];
  return [admitted.filter((s) => s.weight > 0), admitted.filter((s) => s.weight === 0)];
}

function byTier(sessions: readonly SolverSession[]): SolverSession[][] {
  const tiers = new Map<number, SolverSession[]>();
  for (const s of sessions) {
    const tier = tiers.get(s.priority);
    if (tier === undefined) tiers.set(s.priority, [s]);
    else tier.push(s);
  }
  return [...tiers.entries()].sort(([a], [b]) => b - a).map(([, members]) => members);
}
