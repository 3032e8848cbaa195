import { allocate, type AllocationRequest } from "../solver/allocate.js";
import { multiplierPeriods } from "./time-of-use.js";

export interface PlannedPeriod {
  /** Seconds from the start of the plan (the request's `now`): 0 for the first period. */
  readonly startPeriod: number;
  readonly startsAt: number;
  readonly budgetKw: number;
}

export interface SessionPlan {
  readonly transactionId: number | string;
  /** One entry per planned period, same order: what the session may draw from then on. */
  readonly periods: readonly {
    readonly startPeriod: number;
    readonly limitW: number;
    readonly limitA: number;
  }[];
}

export interface Plan {
  readonly periods: readonly PlannedPeriod[];
  readonly sessions: readonly SessionPlan[];
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The allocation for the next `horizonMs`, with a period starting at every peak-window edge, so a
 * charger can be given a multi-period profile that follows the tariff even if it loses its connection.
 * Without time-of-use windows the plan is a single period.
 */
export function planSchedule(request: AllocationRequest, horizonMs: number = DAY_MS): Plan {
  const { strategy, now } = request;
  const edges =
    strategy.kind === "TIME_OF_USE"
      ? multiplierPeriods(strategy.windows, strategy.timeZone, now, horizonMs)
      : [{ startsAt: now, multiplier: 1 }];
  const results = edges.map((e) => ({
    startsAt: e.startsAt,
    result: allocate({ ...request, now: e.startsAt }),
  }));
  const periods = results.map(({ startsAt, result }) => ({
    startPeriod: Math.round((startsAt - now) / 1000),
    startsAt,
    budgetKw: result.budgetKw,
  }));
  const sessions = request.sessions.map((s, i) => ({
    transactionId: s.transactionId,
    periods: results.map(({ startsAt, result }) => {
      const p = result.profiles[i];
      return {
        startPeriod: Math.round((startsAt - now) / 1000),
        limitW: p?.allocatedW ?? 0,
        limitA: p?.allocatedAmpsPerPhase ?? 0,
      };
    }),
  }));
  return { periods, sessions };
}
