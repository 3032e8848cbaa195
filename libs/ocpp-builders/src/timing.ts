import type { DynamicAnchor } from "./dynamic-anchor.js";
import { OcppProfileError } from "./errors.js";
import type { ChargingProfileKind, CommonProfileOptions, RecurrencyKind } from "./options.js";
import { PROFILE_KINDS, RECURRENCY_KINDS } from "./options.js";
import type { ProfileRole } from "./target.js";
import { toOcppDateTime } from "./timestamps.js";
import { requireInteger, requireOneOf } from "./validate.js";

export interface ProfileTiming {
  kind: ChargingProfileKind;
  recurrencyKind?: RecurrencyKind;
  startSchedule?: string;
  duration?: number;
  validTo?: string;
}

function chooseKind(options: CommonProfileOptions, periodCount: number): ChargingProfileKind {
  if (options.kind !== undefined) return requireOneOf("kind", options.kind, PROFILE_KINDS);
  if (options.now !== undefined) return "Absolute";
  // A Relative schedule starts when the transaction starts, not when the engine planned it; for a single
  // constant period that is the same thing, for a time-of-use schedule it shifts every period.
  if (periodCount > 1) {
    throw new OcppProfileError(
      "now",
      "a multi-period schedule needs an anchor: pass `now`, or set kind 'Relative' explicitly",
    );
  }
  return "Relative";
}

/**
 * Kind and timestamps. Absolute and Recurring profiles carry a startSchedule and Relative ones never do
 * (2.0.1 K01.FR.40/41; 1.6 chargers are no kinder to an Absolute profile without one). A dynamic profile's
 * `anchor` (dynamic-anchor.ts) makes it Absolute with timestamps worked out from the engine's clock once;
 * every other check is the same.
 */
export function resolveTiming(
  options: CommonProfileOptions,
  role: ProfileRole,
  periodCount: number,
  anchor?: DynamicAnchor,
): ProfileTiming {
  const kind = anchor === undefined ? chooseKind(options, periodCount) : "Absolute";
  if (role === "stationMax" && kind === "Relative") {
    throw new OcppProfileError(
      "kind",
      "a station max profile cannot be Relative (2.0.1 K01.FR.38): pass `now`",
    );
  }
  const timing: ProfileTiming = { kind };
  if (kind === "Recurring") {
    if (options.recurrencyKind === undefined)
      throw new OcppProfileError("recurrencyKind", "is required for a Recurring profile");
    timing.recurrencyKind = requireOneOf("recurrencyKind", options.recurrencyKind, RECURRENCY_KINDS);
  } else if (options.recurrencyKind !== undefined) {
    throw new OcppProfileError("recurrencyKind", `is only allowed for a Recurring profile, not ${kind}`);
  }
  if (anchor !== undefined) {
    // validTo lies ttl ≥ 1 s after now, startSchedule backdate ≥ 0 s before it: always in order.
    timing.startSchedule = anchor.startSchedule;
    timing.duration = requireInteger("durationSeconds", anchor.durationSeconds, 1);
    timing.validTo = anchor.validTo;
    return timing;
  }
  if (kind !== "Relative") {
    if (options.now === undefined)
      throw new OcppProfileError("now", `is required: ${kind} profiles carry a startSchedule`);
    timing.startSchedule = toOcppDateTime("now", options.now);
  }
  if (options.durationSeconds !== undefined)
    timing.duration = requireInteger("durationSeconds", options.durationSeconds, 1);
  if (options.validTo !== undefined) {
    timing.validTo = toOcppDateTime("validTo", options.validTo);
    // Same format and four-digit years, so the strings order like the instants. The startSchedule is that
    // string already; only a Relative profile (which has none) formats the clock here.
    const nowText =
      options.now === undefined ? undefined : (timing.startSchedule ?? toOcppDateTime("now", options.now));
    if (nowText !== undefined && timing.validTo <= nowText) {
      throw new OcppProfileError("validTo", "must be after `now`; the profile would never apply");
    }
  }
  return timing;
}
