import { hasWholeWeights, levelFor } from "./level.js";
import { CONSTRAINT_COUNT, coefficient, consume, type Capacity, type SolverSession } from "./model.js";

/** A member's allocation at fill level λ: its weighted level, kept within [lo, hi]. */
function at(s: SolverSession, lambda: number): number {
  return Math.min(s.hi, Math.max(s.lo, s.weight * lambda));
}

/** An allocation rounded down to whole watts (absorbing float noise), kept within [lo, hi]. */
function wholeWatts(s: SolverSession, watts: number): number {
  return Math.min(s.hi, Math.max(s.lo, Math.floor(watts + 1e-6)));
}

/**
 * Progressive filling (max-min fairness under several constraints): raise every member's level together
 * until some constraint runs out, freeze the members that draw on it, and go on with the rest. Each round
 * exhausts at least one of the four constraints, so there are at most four rounds of O(k log k).
 *
 * `capacity` holds what is left AFTER every admitted session's minimum was reserved; it is reduced by
 * what this call hands out, so strict priority tiers can fill one tier after another. Sets each member's
 * `watts` (rounded down to whole watts once its exact share has been taken from the capacity),
 * `belowMinimum`, and `boundBy` for those a constraint stopped.
 */
export function waterFill(members: readonly SolverSession[], capacity: Capacity): void {
  let open: readonly SolverSession[] = members;
  if (!members.every((s) => s.weight > 0)) {
    // Members pinned at lo = hi stay in the fill (they add nothing to it) so their level is known.
    open = members.filter((s) => s.weight > 0);
    for (const s of members) {
      if (s.weight > 0) continue;
      s.watts = wholeWatts(s, s.lo);
      s.belowMinimum = 0 < s.lo;
    }
  }
  const wholeWeights = hasWholeWeights(open);

  while (open.length > 0) {
    let lambda = Infinity;
    const levels = [Infinity, Infinity, Infinity, Infinity];
    for (let c = 0; c < CONSTRAINT_COUNT; c++) {
      const cap = capacity[c] ?? 0;
      const l = cap === Infinity ? Infinity : levelFor(open, c, cap, wholeWeights);
      levels[c] = l;
      lambda = Math.min(lambda, l);
    }
    let binding = 0; // bit c: constraint c ran out at λ
    levels.forEach((l, c) => {
      if (l !== Infinity && l <= lambda * (1 + 1e-12)) binding |= 1 << c;
    });
    const still: SolverSession[] = [];
    for (const s of open) {
      const c = firstBinding(s, binding);
      const reachedCap = lambda === Infinity || s.weight * lambda >= s.hi;
      if (c < 0 && !reachedCap) {
        still.push(s);
        continue;
      }
      const w = at(s, lambda);
      consume(capacity, s, w - s.lo);
      s.watts = wholeWatts(s, w);
      s.belowMinimum = s.weight * lambda < s.lo;
      if (c >= 0 && !reachedCap) s.boundBy = c;
    }
    if (still.length === open.length) break; // defensive: no progress means nothing is left to share
    open = still;
  }
  // Reached only after the defensive break: nobody left in `open` was given anything in this call.
  for (const s of open) s.watts = wholeWatts(s, s.lo);
}

/** The lowest-numbered binding constraint the session draws on, or -1. */
function firstBinding(s: SolverSession, binding: number): number {
  for (let c = 0; c < CONSTRAINT_COUNT; c++) if ((binding >> c) & 1 && coefficient(s, c) > 0) return c;
  return -1;
}
