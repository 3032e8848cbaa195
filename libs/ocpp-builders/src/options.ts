import type { PhaseCount } from "@smart-charge/allocation";
import type { Instant } from "./timestamps.js";

/** `W`: total power over all phases. `A`: current per phase. */
export type RateUnit = "W" | "A";
export const RATE_UNITS: readonly RateUnit[] = ["W", "A"];

export type ChargingProfileKind = "Absolute" | "Recurring" | "Relative";
export const PROFILE_KINDS: readonly ChargingProfileKind[] = ["Absolute", "Recurring", "Relative"];

export type RecurrencyKind = "Daily" | "Weekly";
export const RECURRENCY_KINDS: readonly RecurrencyKind[] = ["Daily", "Weekly"];

/** A period given directly in the profile's rate unit (the seed's `periods` option). */
export interface ManualSchedulePeriod {
  /** Seconds from the schedule start; the first is 0, then strictly rising. */
  startPeriod: number;
  /** Limit in the profile's `rateUnit` (W total or A per phase); floored to 0.1. */
  limit: number;
  numberPhases?: PhaseCount;
}

/**
 * A period of the engine's time-of-use schedule: total power in W from `startPeriod` seconds after the
 * schedule start. The builders convert it to the profile's rate unit with the session's phases and voltage.
 */
export interface PowerSchedulePeriod {
  startPeriod: number;
  limitW: number;
}

/** Options shared by the 1.6, 2.0.1 and 2.1 builders (the seed's names plus ours). */
export interface CommonProfileOptions {
  /** Overrides the stable id derived from (clientId, connector/EVSE, purpose, stackLevel). */
  profileId?: number;
  /** Default 0. */
  stackLevel?: number;
  /** Default `W`. */
  rateUnit?: RateUnit;
  /** Phases the charger may use. Default: the session's `phases`. */
  numberPhases?: PhaseCount;
  /** The seed's manual multi-period schedule, limits in `rateUnit`. Exclusive with `schedule`. */
  periods?: readonly ManualSchedulePeriod[];
  /** The engine's time-of-use schedule in W. Exclusive with `periods`. */
  schedule?: readonly PowerSchedulePeriod[];
  /** The engine clock: becomes `startSchedule` of Absolute and Recurring profiles. */
  now?: Instant;
  /** Default: `Absolute` when `now` is given, else `Relative`. */
  kind?: ChargingProfileKind;
  /** Required with kind `Recurring`, forbidden otherwise. */
  recurrencyKind?: RecurrencyKind;
  /** Schedule duration in seconds; absent means the last period lasts until the transaction ends. */
  durationSeconds?: number;
  /** When the profile stops being valid; the charger then falls back to lower stack levels. */
  validTo?: Instant;
}
