import { OcppProfileError } from "./errors.js";
import { formatUtcSeconds } from "./utc-format.js";

/** A point in time as the engine's clock gives it: epoch milliseconds or a Date. */
export type Instant = number | Date;

/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: every number in between has a four-digit year. */
const FIRST_FOUR_DIGIT_MS = -62_167_219_200_000;
const PAST_FOUR_DIGIT_MS = 253_402_300_800_000;

/** Epoch milliseconds of a valid instant in years 0000..9999; throws OcppProfileError naming `field`. */
export function toEpochMs(field: string, instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    throw new OcppProfileError(field, `must be a valid date or epoch milliseconds, got ${String(instant)}`);
  }
  // Outside 0000..9999 toISOString switches to a six-digit "+010000" year format, which no charger parses.
  if (ms < FIRST_FOUR_DIGIT_MS) throw new OcppProfileError(field, "is before year 0000");
  if (ms >= PAST_FOUR_DIGIT_MS) throw new OcppProfileError(field, "is after year 9999");
  return ms;
}

/**
 * An OCPP dateTime: UTC, whole seconds, ending in `Z` (e.g. `2025-01-15T06:00:00Z`). Fractional seconds are
 * dropped (floored) because several 1.6 firmwares fail to parse them, and 2.x caps them at three digits anyway.
 */
export function toOcppDateTime(field: string, instant: Instant, offsetSeconds = 0): string {
  const ms = toEpochMs(field, toEpochMs(field, instant) + offsetSeconds * 1000);
  // Flooring within 0000..9999 stays within it: the range starts on a whole second.
  return formatUtcSeconds(Math.floor(ms / 1000) * 1000);
}
