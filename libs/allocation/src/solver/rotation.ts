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

/*
 * A session's turn is its standing plus a claim (higher goes first: waiting time for paused sessions,
 * minus charging time for active ones). Two functions rather than one returning an object, so ranking
 * thousands of sessions allocates nothing.
 */

export function standingOf(entry: RotationEntry | undefined, now: number, dwellMs: number): Standing {
  if (entry === undefined) return Standing.Rotating;
  const held = now - entry.since;
  if (entry.active) return held < dwellMs ? Standing.Protected : Standing.Rotating;
  return held < dwellMs ? Standing.JustPaused : Standing.Rotating;
}

export function claimOf(entry: RotationEntry | undefined, now: number, dwellMs: number): number {
  if (entry === undefined) return 0;
  const held = now - entry.since;
  if (entry.active) return held < dwellMs ? 0 : -held;
  return held;
}
