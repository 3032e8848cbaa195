import type { ActiveSession } from "../types.js";
import type { SolverSession } from "./model.js";
import type { RotationEntry, RotationState } from "./rotation.js";

/**
 * Reading and writing rotation records. A record is keyed by String(transactionId); indexing it with the
 * transactionId itself converts the key the same way, without building a string per session.
 *
 * Records built here are remembered with the transactionIds they were built for, in order. When the next
 * request has the same sessions in the same order, each previous entry is found by position instead of a
 * keyed lookup, and if no session switched between charging and waiting the record itself is returned
 * again: the rebuilt one would have the same keys, in the same order, holding the same entries. Records
 * are read-only (RotationState); one changed after it was returned would not be noticed.
 */
interface Built {
  readonly ids: readonly (number | string)[];
  readonly entries: readonly RotationEntry[];
}
const built = new WeakMap<RotationState, Built>();

/** Each session's entry in `rotation` (undefined when it has none), by input position. */
export function priorEntries(
  rotation: RotationState,
  sessions: readonly ActiveSession[],
): readonly (RotationEntry | undefined)[] {
  const memo = built.get(rotation);
  if (memo !== undefined && sameIds(memo.ids, sessions)) return memo.entries;
  return sessions.map((s) => rotation[s.transactionId]);
}

/**
 * Next rotation state: a session's `since` moves only when it switches between charging and waiting.
 * `prior` is what priorEntries() returned for `previous`; `solver` has the outcome of each session.
 */
export function nextRotation(
  previous: RotationState,
  sessions: readonly ActiveSession[],
  prior: readonly (RotationEntry | undefined)[],
  solver: readonly SolverSession[],
  now: number,
): RotationState {
  if (prior === built.get(previous)?.entries && unchanged(prior, solver)) return previous;
  const next: Record<string, RotationEntry> = {};
  const entries: RotationEntry[] = [];
  for (let i = 0; i < sessions.length; i++) {
    const active = (solver[i] as SolverSession).charging;
    const before = prior[i];
    const entry = before !== undefined && before.active === active ? before : { active, since: now };
    // A repeated transactionId keeps its first position and its last value, as a Map-built record would.
    next[(sessions[i] as ActiveSession).transactionId] = entry;
    entries.push(entry);
  }
  // Only a record with one plain key per session can be matched by position next time.
  if (Object.getPrototypeOf(next) === Object.prototype && Object.keys(next).length === sessions.length) {
    built.set(next, { ids: sessions.map((s) => s.transactionId), entries });
  }
  return next;
}

function sameIds(ids: readonly (number | string)[], sessions: readonly ActiveSession[]): boolean {
  if (ids.length !== sessions.length) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== sessions[i]?.transactionId) return false;
  return true;
}

function unchanged(prior: readonly (RotationEntry | undefined)[], solver: readonly SolverSession[]): boolean {
  for (let i = 0; i < prior.length; i++) {
    const s = solver[i];
    if (s === undefined || prior[i]?.active !== s.charging) return false;
  }
  return true;
}
