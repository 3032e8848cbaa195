import type { Budget, SessionProfile } from "../types.js";
import { PHASES } from "../types.js";

/**
 * Splits a new allocation into the limits that go down (or stay) and the ones that go up, so the
 * decreases can be confirmed before any increase is sent: the limits in force then never sum above
 * the budget, not even while the change is on its way.
 */
export function splitReduceFirst(
  inForceW: ReadonlyMap<string, number>,
  profiles: readonly SessionProfile[],
): { decreases: SessionProfile[]; raises: SessionProfile[] } {
  const decreases: SessionProfile[] = [];
  const raises: SessionProfile[] = [];
  for (const p of profiles) {
    const before = inForceW.get(String(p.transactionId));
    (before !== undefined && p.allocatedW > before ? raises : decreases).push(p);
  }
  return { decreases, raises };
}

/** Whether limits in force (W per session, drawn as the profiles describe) fit the budget and phases. */
export function limitsFit(
  limitsW: ReadonlyMap<string, number>,
  profiles: readonly SessionProfile[],
  budget: Budget,
): boolean {
  let total = 0;
  const amps = { L1: 0, L2: 0, L3: 0 };
  for (const p of profiles) {
    const w = limitsW.get(String(p.transactionId)) ?? p.allocatedW;
    total += w;
    for (const phase of p.panelPhases) amps[phase] += w / (p.voltageV * p.phases);
  }
  if (total > budget.totalKw * 1000 + 1e-6) return false;
  return (
    budget.phaseAmps === undefined || PHASES.every((ph) => amps[ph] <= (budget.phaseAmps?.[ph] ?? 0) + 1e-9)
  );
}
