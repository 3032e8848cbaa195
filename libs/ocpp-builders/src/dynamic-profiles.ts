import type { SessionProfile } from "@smart-charge/allocation";
import type { CommonProfileOptions } from "./options.js";
import type { Ocpp16ProfileOptions } from "./ocpp16.js";
import type { Ocpp201ProfileOptions } from "./ocpp201.js";
import type { Ocpp21ProfileOptions } from "./ocpp21.js";
import { checkStartPeriods } from "./schedule.js";
import type {
  Ocpp16SetChargingProfileRequest,
  Ocpp201SetChargingProfileRequest,
  Ocpp21SetChargingProfileRequest,
} from "./set-requests.js";
import {
  buildOcpp16SetChargingProfileRequest,
  buildOcpp201SetChargingProfileRequest,
  buildOcpp21SetChargingProfileRequest,
} from "./set-requests.js";
import type { Instant } from "./timestamps.js";
import { toOcppDateTime } from "./timestamps.js";
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

type TimingOptionNames = "now" | "kind" | "recurrencyKind" | "durationSeconds" | "validTo";
export type DynamicOptions<O extends CommonProfileOptions> = Omit<O, TimingOptionNames> & DynamicTiming;

export const DEFAULT_TTL_SECONDS = 300;
export const DEFAULT_BACKDATE_SECONDS = 60;

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

/** The timing options a dynamic profile gets instead of the caller's. */
type AnchoredTiming = Required<Pick<CommonProfileOptions, "kind" | "now" | "durationSeconds" | "validTo">> &
  Pick<CommonProfileOptions, "periods" | "schedule">;

/**
 * Absolute, startSchedule `backdate` before now, duration and validTo `ttl` after now: if the engine stops
 * refreshing, the charger drops back to its TxDefaultProfile (see fail-safe.ts) within `ttl` seconds.
 */
function anchorDynamic(
  options: DynamicTiming & Pick<CommonProfileOptions, "periods" | "schedule">,
): AnchoredTiming {
  const ttl = requireInteger("ttlSeconds", options.ttlSeconds ?? DEFAULT_TTL_SECONDS, 1);
  const backdate = requireInteger("backdateSeconds", options.backdateSeconds ?? DEFAULT_BACKDATE_SECONDS, 0);
  const duration = backdate + ttl;
  const anchored: AnchoredTiming = {
    kind: "Absolute",
    now: Date.parse(toOcppDateTime("now", options.now, -backdate)),
    durationSeconds: duration,
    validTo: Date.parse(toOcppDateTime("now", options.now, ttl)),
  };
  if (options.periods !== undefined)
    anchored.periods = shifted("periods", options.periods, backdate, duration);
  if (options.schedule !== undefined)
    anchored.schedule = shifted("schedule", options.schedule, backdate, duration);
  return anchored;
}

export function buildOcpp16DynamicRequest(
  session: SessionProfile,
  options: DynamicOptions<Ocpp16ProfileOptions>,
): Ocpp16SetChargingProfileRequest {
  return buildOcpp16SetChargingProfileRequest(session, { ...options, ...anchorDynamic(options) });
}

export function buildOcpp201DynamicRequest(
  session: SessionProfile,
  options: DynamicOptions<Ocpp201ProfileOptions>,
): Ocpp201SetChargingProfileRequest {
  return buildOcpp201SetChargingProfileRequest(session, { ...options, ...anchorDynamic(options) });
}

export function buildOcpp21DynamicRequest(
  session: SessionProfile,
  options: DynamicOptions<Ocpp21ProfileOptions>,
): Ocpp21SetChargingProfileRequest {
  return buildOcpp21SetChargingProfileRequest(session, { ...options, ...anchorDynamic(options) });
}
