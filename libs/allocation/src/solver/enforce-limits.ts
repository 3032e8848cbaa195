import { CONSTRAINT_COUNT, coefficient, type SolverSession } from "./model.js";

/**
 * Last line of defence after rounding: if any constraint is over by floating-point dust (or a custom
 * strategy's output slipped through), take the excess back from the sessions furthest above their
 * minimums on that constraint. Minimums are never cut: admission already proved they fit.
 * Changes the sessions' `watts`. `sessions` may be in any order; `ranked()` gives them in rank order,
 * which decides who gives back first, and is called only when something must be given back.
 */
export function enforceLimits(
  sessions: readonly SolverSession[],
  limits: readonly number[],
  ranked: () => readonly SolverSession[],
): void {
  for (let c = 0; c < CONSTRAINT_COUNT; c++) {
    const limit = limits[c] ?? Infinity;
    if (limit === Infinity) continue;
    // Whole watts on the total, so this sum is exact in any order; phase sums get `sessions` in rank
    // order (admission ranks them whenever a phase is limited).
    let load = 0;
    for (const s of sessions) {
      const k = coefficient(s, c);
      if (k > 0) load += k * s.watts;
    }
    let excess = load - limit;
    if (excess <= 0) continue;
    const users = ranked().filter((s) => coefficient(s, c) > 0);
    // Stable: among equal allocations, the earlier-ranked session gives back first.
    users.sort((a, b) => b.watts - a.watts);
    for (const s of users) {
      if (excess <= 0) break;
      const w = s.watts;
      const k = coefficient(s, c);
      const cut = Math.min(w - s.lo, Math.ceil(excess / k));
      if (cut <= 0) continue;
      s.watts = w - cut;
      s.charging = true;
      excess -= cut * k;
    }
  }
}
