import { OcppProfileError } from "./errors.js";
import { formatUtcSeconds } from "./utc-format.js";

/** A point in time as the engine's clock gives it: epoch milliseconds or a Date. */
export type Instant = number | Date;

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: every number in between has a four-digit year. */
const FIRST_FOUR_DIGIT_MS = -62_167_219_200_000;
const LAST_FOUR_DIGIT_MS = 253_402_300_799_999;

/** Epoch milliseconds of a valid instant in years 0000..9999; throws OcppProfileError naming `field`. */
export function toEpochMs(field: string, instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  // Fast path for the engine clock: inside the range the year is known to fit without building a Date.
  if (typeof ms === "number" && ms >= FIRST_FOUR_DIGIT_MS && ms <= LAST_FOUR_DIGIT_MS) return ms;
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
  if (wholeSeconds >= FIRST_FOUR_DIGIT_MS && wholeSeconds <= LAST_FOUR_DIGIT_MS)
    return formatUtcSeconds(wholeSeconds);
  // Only reachable at the very edges (e.g. a fraction of a millisecond before year 0, or past the Date range,
  // where toISOString throws its RangeError): keep exactly what the Date object does there.
  return `${new Date(wholeSeconds).toISOString().slice(0, -5)}Z`; // whole seconds: drop ".000Z"
}
