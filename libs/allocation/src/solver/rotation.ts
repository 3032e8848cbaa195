/**
 * Rotation state: whether each session was charging or waiting after the last allocation, and since when.
 * It is an input and an output of the solver (never hidden state), so an engine can persist it and a
 * restarted or standby engine carries on the same turns.
 */
export interface RotationEntry {
  readonly active: boolean;
  /** Epoch ms at which the session last started, resumed or was paused. */
  readonly since: number;
}

export type RotationState = Readonly<Record<string, RotationEntry>>;

/** Sessions rank in this order within one priority; lower ranks are admitted first. */
export const Standing = {
  /** Started or resumed less than the dwell time ago: keeps its place, so nothing flaps. */
  Protected: 0,
  /** Waiting, charging past its dwell time, or new: rotates by how long it has been in its state. */
  Rotating: 1,
  /** Paused less than the dwell time ago: resumes only if power is left over. */
  JustPaused: 2,
} as const;
export type Standing = (typeof Standing)[keyof typeof Standing];

export interface Turn {
  readonly standing: Standing;
  /** Higher goes first: waiting time for paused sessions, minus charging time for active ones. */
  readonly claim: number;
}

export function turnOf(entry: RotationEntry | undefined, now: number, dwellMs: number): Turn {
  if (entry === undefined) return { standing: Standing.Rotating, claim: 0 };
  const held = now - entry.since;
  if (entry.active) {
    return held < dwellMs
      ? { standing: Standing.Protected, claim: 0 }
      : { standing: Standing.Rotating, claim: -held };
  }
  return held < dwellMs
    ? { standing: Standing.JustPaused, claim: held }
    : { standing: Standing.Rotating, claim: held };
}

/** Next rotation state: a session's `since` moves only when it switches between charging and waiting. */
export function nextRotation(
  previous: RotationState,
  outcome: ReadonlyMap<string, boolean>,
  now: number,
): RotationState {
  const next: Record<string, RotationEntry> = {};
  for (const [key, active] of outcome) {
    const before = previous[key];
    next[key] = before !== undefined && before.active === active ? before : { active, since: now };
  }
  return next;
}
