/**
 * Public types of @smart-charge/allocation.
 *
 * The seed package's names (ChargingSession, ActiveSession, SessionProfile, StrategyFn, …) are kept
 * field for field so that its users can switch by changing an import; what we add is optional on input
 * and always present on output.
 */

/** A phase conductor of the panel. */
export type Phase = "L1" | "L2" | "L3";
export const PHASES: readonly Phase[] = ["L1", "L2", "L3"];

/** Number of AC phases a connector supplies to the EV. */
export type PhaseCount = 1 | 2 | 3;

/** Built-in allocation strategies (the seed's names). */
export type Strategy = "EQUAL_SHARE" | "PRIORITY" | "TIME_OF_USE";

/** A charging session as registered by the caller (seed fields plus ours). */
export interface ChargingSession {
  transactionId: number | string;
  clientId: string;
  /** Connector (OCPP 1.6) or EVSE id (OCPP 2.x). Default 1. */
  connectorId?: number;
  /** Charger hardware limit in kW. Default: no limit. */
  maxHardwarePowerKw?: number;
  /** What the EV accepts in kW. 0 means the EV takes nothing right now. Default: no limit. */
  maxEvAcceptancePowerKw?: number;
  /** Below this a car stops charging: the session gets 0 or at least this. Default 0. */
  minChargeRateKw?: number;
  /** Higher is more important. Default 1. */
  priority?: number;
  /** Phases the connector supplies to the EV. Default: the site's phase count. */
  phases?: PhaseCount;
  /**
   * Which panel conductors the connector is wired to; its length must equal `phases`.
   * Default: L1 for 1 phase, L1+L2 for 2 phases, L1+L2+L3 for 3 phases.
   */
  panelPhases?: readonly Phase[];
  /** Stored, never used for calculation. */
  metadata?: Record<string, unknown>;
}

/** A registered session: defaults applied, plus when it was added (engine clock, epoch ms). */
export interface ActiveSession extends ChargingSession {
  connectorId: number;
  priority: number;
  phases: PhaseCount;
  panelPhases: readonly Phase[];
  addedAt: number;
}

/** Fields that `updateSession()` may change; an explicit `undefined` on a cap removes that cap. */
export interface SessionUpdate {
  connectorId?: number;
  maxHardwarePowerKw?: number | undefined;
  maxEvAcceptancePowerKw?: number | undefined;
  minChargeRateKw?: number;
  priority?: number;
  phases?: PhaseCount;
  panelPhases?: readonly Phase[];
  metadata?: Record<string, unknown>;
}

/**
 * What bound a session's allocation:
 * - `budget`: the panel/site power budget ran out (the fair share is what is left);
 * - `phase`: a phase conductor's current limit ran out (see `limitingPhase`);
 * - `hardware-cap` / `ev-cap`: the session got everything its charger / EV accepts;
 * - `minimum`: the fair share was below the session's minimum, so it gets exactly its minimum;
 * - `paused`: the minimums of all sessions do not fit; this one waits its turn (allocation 0);
 * - `strategy`: a custom strategy asked for exactly this much.
 */
export type LimitReason = "budget" | "phase" | "hardware-cap" | "ev-cap" | "minimum" | "paused" | "strategy";

/** The allocation of one session: the seed's fields plus why and how it was bound. */
export interface SessionProfile {
  transactionId: number | string;
  clientId: string;
  connectorId: number;
  /** allocatedW / 1000. */
  allocatedKw: number;
  /** Whole watts, rounded down. */
  allocatedW: number;
  /** Per-phase current in A, rounded down to 0.1 A: allocatedW / (voltageV × phases). */
  allocatedAmpsPerPhase: number;
  /** The minimum that applied: the session's minimum clipped to its caps. */
  minChargeRateKw: number;
  phases: PhaseCount;
  /** Per-phase (line-to-neutral) voltage used for the amps. */
  voltageV: number;
  /** Ours: what bound this allocation. */
  reason: LimitReason;
  /** Ours: the conductor that ran out when `reason` is `phase`. */
  limitingPhase?: Phase;
  /** Ours: true when the session gets 0 because it had to wait (reason `paused`). */
  paused: boolean;
  /** Ours: the conductors the session draws from. */
  panelPhases: readonly Phase[];
}

/** A peak window: within [peakStartHour, peakEndHour) local time the budget is multiplied. */
export interface TimeOfUseWindow {
  /** 0–23, local time in the configured time zone. */
  peakStartHour: number;
  /** 0–23, exclusive; smaller than the start means the window crosses midnight. Equal means empty. */
  peakEndHour: number;
  /** 0–1: share of the budget available during the window. */
  peakPowerMultiplier: number;
}

/** Per-phase current limits of a panel or site, in A. */
export type PhaseLimits = Readonly<Record<Phase, number>>;

/** The power available to the sessions, after any safety margin. */
export interface Budget {
  totalKw: number;
  /** Optional per-phase current limits (A); omitted means only the total binds. */
  phaseAmps?: PhaseLimits;
}

/** Context handed to a custom strategy. */
export interface StrategyContext {
  voltageV: number;
  /** Ours: engine clock (epoch ms) and per-phase limits, so a custom strategy can be pure. */
  now?: number;
  phaseAmps?: PhaseLimits;
}

/**
 * A custom strategy (the seed's signature). Its output is a request: the solver still enforces caps,
 * minimums, the budget and phase limits, and reports every adjustment it made.
 */
export type StrategyFn = (
  sessions: ActiveSession[],
  effectiveGridLimitKw: number,
  ctx?: StrategyContext,
) => SessionProfile[];
