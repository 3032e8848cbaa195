import { coefficient, TOTAL, type SolverSession } from "./model.js";
import { SlopeTables } from "./slope-tables.js";

/**
 * Highest level λ such that the members' power above their minimums, weighted by `c`, stays within
 * `residual`. The above-minimum power is piecewise linear in λ with breakpoints at lo/w and hi/w (slope
 * +k·w from the first, −k·w from the second), so a sweep over the sorted breakpoints finds λ.
 *
 * The sweep adds up slopes in breakpoint order, and floating-point sums depend on their order. When the
 * slopes are whole numbers (the total budget, k = 1, with whole weights) every partial sum is exact, so
 * the slope changes can be added up per distinct breakpoint first: O(n + d log d) for d distinct
 * breakpoints, which for real fleets is a handful. Otherwise (phase currents, fractional weights) the
 * events are swept one by one in stable breakpoint order, O(n log n), giving the very same λ.
 */
export function levelFor(
  members: readonly SolverSession[],
  c: number,
  residual: number,
  wholeWeights: boolean,
): number {
  const budget = Math.max(0, residual);
  return c === TOTAL && wholeWeights ? levelByBreakpoint(members, budget) : levelByEvent(members, c, budget);
}

/** Weights below 2^31 and fewer than 2^21 members keep every slope sum below 2^53, so exact. */
export function hasWholeWeights(members: readonly SolverSession[]): boolean {
  if (members.length >= 2 ** 21) return false;
  for (const s of members) if ((s.weight | 0) !== s.weight) return false;
  return true;
}

function levelByBreakpoint(members: readonly SolverSession[], budget: number): number {
  const tables = new SlopeTables();
  for (const s of members) {
    const w = s.weight;
    if (w === 0 || s.hi <= s.lo) continue;
    const table = tables.of(w);
    table.add(s.lo, w);
    if (s.hi !== Infinity) table.add(s.hi, -w);
  }
  const at: number[] = [];
  const change: number[] = [];
  const all = tables.all();
  if (all.length === 1) {
    // One weight: numerator order is breakpoint order, and a native numeric sort finds it.
    for (const table of all) {
      for (const numerator of Float64Array.from(table.numerators).sort()) {
        at.push(numerator / table.weight);
        change.push(table.changeAt(numerator));
      }
    }
    return sweep(at, change, undefined, budget);
  }
  for (const table of all) {
    table.numerators.forEach((numerator, i) => {
      at.push(numerator / table.weight);
      change.push(table.changes[i] ?? 0);
    });
  }
  // Several weights: few breakpoints in practice. Equal ones (1400/1 and 2800/2) may come in either
  // order; the sweep handles them like events at one breakpoint, and whole slopes add up exactly.
  return sweep(at, change, byBreakpoint(at), budget);
}

function levelByEvent(members: readonly SolverSession[], c: number, budget: number): number {
  const at: number[] = [];
  const change: number[] = [];
  for (const s of members) {
    const k = coefficient(s, c);
    if (k === 0 || s.weight === 0 || s.hi <= s.lo) continue;
    at.push(s.lo / s.weight);
    change.push(k * s.weight);
    if (s.hi === Infinity) continue;
    at.push(s.hi / s.weight);
    change.push(-k * s.weight);
  }
  return sweep(at, change, byBreakpoint(at), budget);
}

/** Indices in ascending breakpoint order; stable, so equal breakpoints keep the order they were added in. */
function byBreakpoint(at: readonly number[]): number[] {
  return at.map((_, i) => i).sort((a, b) => (at[a] ?? 0) - (at[b] ?? 0));
}

/** Walks the breakpoints (in `order`, or as given) until the budget runs out. */
function sweep(
  at: readonly number[],
  change: readonly number[],
  order: readonly number[] | undefined,
  budget: number,
): number {
  let used = 0;
  let slope = 0;
  let lambda = 0;
  for (let j = 0; j < at.length; j++) {
    const e = order === undefined ? j : (order[j] ?? 0);
    const next = used + slope * ((at[e] ?? 0) - lambda);
    if (next > budget) return lambda + (budget - used) / slope;
    used = next;
    lambda = at[e] ?? 0;
    slope += change[e] ?? 0;
  }
  return slope > 1e-15 ? lambda + (budget - used) / slope : Infinity;
}
