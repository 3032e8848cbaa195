import { CONSTRAINT_COUNT, coefficient, type SolverSession } from "./model.js";

/**
 * Last line of defence after rounding: if any constraint is over by floating-point dust (or a custom
 * strategy's output slipped through), take the excess back from the sessions furthest above their
 * minimums on that constraint. Minimums are never cut: admission already proved they fit.
 */
export function enforceLimits(
  sessions: readonly SolverSession[],
  watts: Map<SolverSession, number>,
  limits: readonly number[],
): void {
  for (let c = 0; c < CONSTRAINT_COUNT; c++) {
    const limit = limits[c] ?? Infinity;
    if (limit === Infinity) continue;
    const users = sessions.filter((s) => coefficient(s, c) > 0);
    let excess = users.reduce((sum, s) => sum + coefficient(s, c) * (watts.get(s) ?? 0), 0) - limit;
    if (excess <= 0) continue;
    users.sort((a, b) => (watts.get(b) ?? 0) - (watts.get(a) ?? 0));
    for (const s of users) {
      if (excess <= 0) break;
      const w = watts.get(s) ?? 0;
      const k = coefficient(s, c);
      const cut = Math.min(w - s.lo, Math.ceil(excess / k));
      if (cut <= 0) continue;
      watts.set(s, w - cut);
      excess -= cut * k;
    }
  }
}
