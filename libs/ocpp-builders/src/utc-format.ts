/**
 * `YYYY-MM-DDTHH:MM:SSZ` for whole-second epoch milliseconds in years 0000..9999, without a Date object
 * per call: every dynamic profile formats two timestamps, and Date#toISOString was the single largest
 * cost of building one. Callers check the range (see timestamps.ts).
 */

const MS_PER_DAY = 86_400_000;

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));

/** 0..59: hours, minutes and seconds. */
function twoDigits(value: number): string {
  return TWO_DIGITS[value]!;
}

// The engine formats the same few days over and over (startSchedule and validTo of every command).
let cachedDay = Number.NaN;
let cachedDate = "";

/** `wholeSecondsMs` must be a multiple of 1000 within 0000-01-01T00:00:00Z..9999-12-31T23:59:59Z. */
export function formatUtcSeconds(wholeSecondsMs: number): string {
  const days = Math.floor(wholeSecondsMs / MS_PER_DAY);
  if (days !== cachedDay) {
    // A Date once per day is cheap; years 0000..9999 keep toISOString at four year digits.
    cachedDate = new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
    cachedDay = days;
  }
  const secondOfDay = (wholeSecondsMs - days * MS_PER_DAY) / 1000;
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay - hours * 3600) / 60);
  const seconds = secondOfDay - hours * 3600 - minutes * 60;
  return `${cachedDate}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}Z`;
}
