import type { TimeOfUseWindow } from "../types.js";

/**
 * Peak windows are written in local wall-clock hours of the site's IANA time zone. Every zone in use
 * today is offset from UTC by a multiple of 15 minutes, so local hours can only change on a quarter-hour
 * UTC boundary: stepping through those boundaries finds every window edge, DST changes included.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function hourFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** Throws a RangeError for a name that is not an IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat("en-US", { timeZone });
}

/** Local hour (0–23) at an instant; `undefined` time zone means the host's. */
export function localHour(instant: number, timeZone: string | undefined): number {
  return Number(hourFormatter(timeZone).format(instant)) % 24;
}

export function inWindow(hour: number, w: TimeOfUseWindow): boolean {
  if (w.peakStartHour === w.peakEndHour) return false;
  return w.peakStartHour < w.peakEndHour
    ? hour >= w.peakStartHour && hour < w.peakEndHour
    : hour >= w.peakStartHour || hour < w.peakEndHour;
}

/** Share of the budget available at an instant: the first matching window's multiplier, else 1. */
export function multiplierAt(
  windows: readonly TimeOfUseWindow[],
  timeZone: string | undefined,
  instant: number,
): number {
  const hour = localHour(instant, timeZone);
  return windows.find((w) => inWindow(hour, w))?.peakPowerMultiplier ?? 1;
}

export interface MultiplierPeriod {
  /** Epoch ms at which the period starts; the first period starts at `from`. */
  readonly startsAt: number;
  readonly multiplier: number;
}

/** The multiplier in force from `from` for `horizonMs`, one period per change (each window edge). */
export function multiplierPeriods(
  windows: readonly TimeOfUseWindow[],
  timeZone: string | undefined,
  from: number,
  horizonMs: number,
): MultiplierPeriod[] {
  const periods: MultiplierPeriod[] = [{ startsAt: from, multiplier: multiplierAt(windows, timeZone, from) }];
  const end = from + horizonMs;
  for (let t = Math.floor(from / QUARTER_HOUR_MS + 1) * QUARTER_HOUR_MS; t < end; t += QUARTER_HOUR_MS) {
    const m = multiplierAt(windows, timeZone, t);
    if (m !== periods[periods.length - 1]?.multiplier) periods.push({ startsAt: t, multiplier: m });
  }
  return periods;
}
