import { CONSTRAINT_COUNT, coefficient, consume, type Capacity, type SolverSession } from "./model.js";

/** Result of filling: watts per member (real numbers) and, per member, the constraint that froze it. */
export interface FillResult {
  readonly watts: Map<SolverSession, number>;
  /** Constraint index that ran out for this member; absent when the member reached its cap first. */
  readonly boundBy: Map<SolverSession, number>;
  /** The fill level reached by each member, to tell "got its minimum" from "got a fair share". */
  readonly level: Map<SolverSession, number>;
}

/** A member's allocation at fill level λ: its weighted level, kept within [lo, hi]. */
function at(s: SolverSession, lambda: number): number {
  return Math.min(s.hi, Math.max(s.lo, s.weight * lambda));
}

/**
 * Highest level λ such that the members' power above their minimums, weighted by `c`, stays within
 * `residual`. The above-minimum power is piecewise linear in λ with breakpoints at lo/w and hi/w, so a
 * sweep over the sorted breakpoints finds λ in O(k log k).
 */
function levelFor(members: readonly SolverSession[], c: number, residual: number): number {
  const events: { at: number; slope: number }[] = [];
  for (const s of members) {
    const k = coefficient(s, c);
    if (k === 0 || s.weight === 0 || s.hi <= s.lo) continue;
    events.push({ at: s.lo / s.weight, slope: k * s.weight });
    if (s.hi !== Infinity) events.push({ at: s.hi / s.weight, slope: -k * s.weight });
  }
  events.sort((a, b) => a.at - b.at);
  const budget = Math.max(0, residual);
  let used = 0;
  let slope = 0;
  let lambda = 0;
  for (const e of events) {
    const next = used + slope * (e.at - lambda);
    if (next > budget) return lambda + (budget - used) / slope;
    used = next;
    lambda = e.at;
    slope += e.slope;
  }
  return slope > 1e-15 ? lambda + (budget - used) / slope : Infinity;
}

/**
 * Progressive filling (max-min fairness under several constraints): raise every member's level together
 * until some constraint runs out, freeze the members that draw on it, and go on with the rest. Each round
 * exhausts at least one of the four constraints, so there are at most four rounds of O(k log k).
 *
 * `capacity` holds what is left AFTER every admitted session's minimum was reserved; it is reduced by
 * what this call hands out, so strict priority tiers can fill one tier after another.
 */
export function waterFill(members: readonly SolverSession[], capacity: Capacity): FillResult {
  const watts = new Map<SolverSession, number>();
  const boundBy = new Map<SolverSession, number>();
  const level = new Map<SolverSession, number>();
  let open: SolverSession[] = [];
  for (const s of members) {
    // Members pinned at lo = hi stay in the fill (they add nothing to it) so their level is known.
    if (s.weight > 0) open.push(s);
    else {
      watts.set(s, s.lo);
      level.set(s, 0);
    }
  }

  while (open.length > 0) {
    let lambda = Infinity;
    const levels: number[] = [];
    for (let c = 0; c < CONSTRAINT_COUNT; c++) {
      const l = capacity[c] === Infinity ? Infinity : levelFor(open, c, capacity[c] ?? 0);
      levels.push(l);
      lambda = Math.min(lambda, l);
    }
    const binding = levels.flatMap((l, c) => (l !== Infinity && l <= lambda * (1 + 1e-12) ? [c] : []));
    const still: SolverSession[] = [];
    for (const s of open) {
      const c = binding.find((b) => coefficient(s, b) > 0);
      const reachedCap = lambda === Infinity || s.weight * lambda >= s.hi;
      if (c === undefined && !reachedCap) {
        still.push(s);
        continue;
      }
      const w = at(s, lambda);
      watts.set(s, w);
      level.set(s, s.weight * lambda);
      if (c !== undefined && !reachedCap) boundBy.set(s, c);
      consume(capacity, s, w - s.lo);
    }
    if (still.length === open.length) break; // defensive: no progress means nothing is left to share
    open = still;
  }
  for (const s of open) if (!watts.has(s)) watts.set(s, s.lo);
  return { watts, boundBy, level };
}
