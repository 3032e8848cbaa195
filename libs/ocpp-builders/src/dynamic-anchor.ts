import type { CommonProfileOptions } from "./options.js";
import { checkStartPeriods } from "./schedule.js";
import type { Instant } from "./timestamps.js";
import { toEpochMs, toOcppDateTime } from "./timestamps.js";
import { requireInteger } from "./validate.js";

/** When a short-lived profile starts and ends. The engine re-sends it before it expires. */
export interface DynamicTiming {
  /** The engine clock. */
  now: Instant;
  /** Seconds the profile stays valid after `now`. Default 300. */
  ttlSeconds?: number;
  /** Seconds startSchedule lies before `now`, so a charger whose clock is behind still applies it. Default 60. */
  backdateSeconds?: number;
}

export const DEFAULT_TTL_SECONDS = 300;
export const DEFAULT_BACKDATE_SECONDS = 60;

/**
 * A dynamic profile's timing, worked out once from the caller's clock and handed to resolveTiming, so the
 * clock is validated and formatted once instead of being turned into strings, parsed back and formatted
 * again, and no merged copy of the caller's options is made.
 */
export interface DynamicAnchor {
  startSchedule: string;
  validTo: string;
  /** backdate + ttl, unchecked: resolveTiming checks it in its usual place, so errors keep their order. */
  durationSeconds: number;
  /** The caller's periods/schedule moved by the backdate; the builders read these instead of the caller's. */
  shifted: Pick<CommonProfileOptions, "periods" | "schedule">;
}

/** The schedule was planned from `now`; starting it `backdate` earlier moves every later period by as much. */
function shifted<P extends { startPeriod: number }>(
  field: string,
  periods: readonly P[],
  by: number,
  duration: number,
): P[] {
  checkStartPeriods(field, periods);
  return periods
    .map((period, index) => (index === 0 ? period : { ...period, startPeriod: period.startPeriod + by }))
    .filter((period) => period.startPeriod < duration);
}

/**
 * Absolute, startSchedule `backdate` before now, duration and validTo `ttl` after now: if the engine stops
 * refreshing, the charger drops back to its TxDefaultProfile (see fail-safe.ts) within `ttl` seconds.
 */
export function anchorDynamic(
  options: DynamicTiming & Pick<CommonProfileOptions, "periods" | "schedule">,
): DynamicAnchor {
  const ttl = requireInteger("ttlSeconds", options.ttlSeconds ?? DEFAULT_TTL_SECONDS, 1);
  const backdate = requireInteger("backdateSeconds", options.backdateSeconds ?? DEFAULT_BACKDATE_SECONDS, 0);
  const duration = backdate + ttl;
  // Validated once; both timestamps are offsets from it and fail with the same field and message as before.
  const nowMs = toEpochMs("now", options.now);
  const anchor: DynamicAnchor = {
    startSchedule: toOcppDateTime("now", nowMs, -backdate),
    validTo: toOcppDateTime("now", nowMs, ttl),
    durationSeconds: duration,
    shifted: {},
  };
  if (options.periods !== undefined)
    anchor.shifted.periods = shifted("periods", options.periods, backdate, duration);
  if (options.schedule !== undefined)
    anchor.shifted.schedule = shifted("schedule", options.schedule, backdate, duration);
  return anchor;
}
