import type { ActiveSession } from "../types.js";
import type { SolverSession } from "./model.js";
import { claimOf, standingOf, type RotationEntry } from "./rotation.js";

/**
 * Candidates in admission order: priority (highest first), then their turn in the rotation (standing,
 * then claim, highest first), then arrival, then input order. Water-filling and the final clean-up see
 * sessions in this order too, so it must be exactly this order even when everybody fits.
 *
 * Usually every candidate has the same turn and arrival (all new, or all within their dwell time with
 * one clock), and then the order is a stable grouping by priority: O(n + p log p) for p distinct
 * priorities, instead of a comparator sort. Otherwise (or with NaN anywhere) the comparator decides.
 */
export function rank(
  candidates: readonly SolverSession[],
  sessions: readonly ActiveSession[],
  prior: readonly (RotationEntry | undefined)[],
  now: number,
  dwellMs: number,
): readonly SolverSession[] {
  const first = candidates[0];
  if (first === undefined) return candidates;
  const addedAt = (s: SolverSession) => (sessions[s.index] as ActiveSession).addedAt;
  const s0 = standingOf(prior[first.index], now, dwellMs);
  const c0 = claimOf(prior[first.index], now, dwellMs);
  const a0 = addedAt(first);
  let uniform = c0 === c0;
  let samePriority = first.priority === first.priority;
  for (const s of candidates) {
    const entry = prior[s.index];
    uniform &&=
      standingOf(entry, now, dwellMs) === s0 &&
      claimOf(entry, now, dwellMs) === c0 &&
      addedAt(s) === a0 &&
      s.priority === s.priority;
    samePriority &&= s.priority === first.priority;
  }
  if (uniform && samePriority) return candidates;
  if (uniform) return byPriority(candidates);
  return byComparator(candidates, prior, now, dwellMs, addedAt);
}

function byComparator(
  candidates: readonly SolverSession[],
  prior: readonly (RotationEntry | undefined)[],
  now: number,
  dwellMs: number,
  addedAt: (s: SolverSession) => number,
): SolverSession[] {
  const standing = new Uint8Array(prior.length);
  const claim = new Float64Array(prior.length);
  for (const s of candidates) {
    standing[s.index] = standingOf(prior[s.index], now, dwellMs);
    claim[s.index] = claimOf(prior[s.index], now, dwellMs);
  }
  return [...candidates].sort((a, b) => {
    if (a.priority !== b.priority) return b.priority - a.priority;
    const sa = standing[a.index] ?? 0;
    const sb = standing[b.index] ?? 0;
    if (sa !== sb) return sa - sb;
    const ca = claim[a.index] ?? 0;
    const cb = claim[b.index] ?? 0;
    if (ca !== cb) return cb - ca;
    const aa = addedAt(a);
    const ab = addedAt(b);
    if (aa !== ab) return aa - ab;
    return a.index - b.index;
  });
}

/** Stable grouping by priority, highest first: input order within a priority. */
function byPriority(candidates: readonly SolverSession[]): SolverSession[] {
  const groups = new Map<number, SolverSession[]>();
  for (const s of candidates) {
    const group = groups.get(s.priority);
    if (group === undefined) groups.set(s.priority, [s]);
    else group.push(s);
  }
  const priorities = Float64Array.from(groups.keys()).sort().reverse();
  const ranked: SolverSession[] = [];
  for (const p of priorities) for (const s of groups.get(p) ?? []) ranked.push(s);
  return ranked;
}
