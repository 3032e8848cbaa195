import { OcppProfileError } from "./errors.js";

/** A point in time as the engine's clock gives it: epoch milliseconds or a Date. */
export type Instant = number | Date;

function toEpochMs(field: string, instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    throw new OcppProfileError(field, `must be a valid date or epoch milliseconds, got ${String(instant)}`);
  }
  const year = new Date(ms).getUTCFullYear();
  // toISOString switches to a six-digit "+010000" year format outside 0..9999, which no charger parses.
  if (year < 0 || year > 9999) throw new OcppProfileError(field, `year ${year} is outside 0000..9999`);
  return ms;
}

/**
 * An OCPP dateTime: UTC, whole seconds, ending in `Z` (e.g. `2025-01-15T06:00:00Z`). Fractional seconds are
 * dropped (floored) because several 1.6 firmwares fail to parse them, and 2.x caps them at three digits anyway.
 */
export function toOcppDateTime(field: string, instant: Instant, offsetSeconds = 0): string {
  const ms = toEpochMs(field, toEpochMs(field, instant) + offsetSeconds * 1000);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return `${new Date(wholeSeconds).toISOString().slice(0, -5)}Z`; // whole seconds: drop ".000Z"
}
