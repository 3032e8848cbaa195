import type { RotationState } from "../solver/rotation.js";
import type { StrategyAdjustment } from "../strategies/custom.js";
import type {
  ActiveSession,
  PhaseCount,
  PhaseLimits,
  SessionProfile,
  Strategy,
  StrategyFn,
  TimeOfUseWindow,
} from "../types.js";

/** What the dispatcher receives for one session (the seed's payload). */
export interface DispatchPayload {
  clientId: string;
  connectorId: number;
  transactionId: number | string;
  sessionProfile: SessionProfile;
}
export type ChargingProfileDispatcher = (payload: DispatchPayload) => Promise<void>;

export interface ClearDispatchPayload {
  clientId: string;
  connectorId: number;
  transactionId: number | string;
}
export type ClearProfileDispatcher = (payload: ClearDispatchPayload) => Promise<void>;

/** Constructor options: the seed's, plus ours at the end (all optional). */
export interface SmartChargingEngineConfig {
  siteId: string;
  maxGridPowerKw: number;
  dispatcher: ChargingProfileDispatcher;
  clearDispatcher?: ClearProfileDispatcher;
  autoClearOnRemove?: boolean;
  algorithm?: Strategy | StrategyFn;
  safetyMarginPct?: number;
  phases?: PhaseCount;
  voltageV?: number;
  timeOfUseWindows?: TimeOfUseWindow[];
  /** IANA zone of the peak windows; the host's zone when omitted. */
  timeOfUseTimezone?: string;
  debug?: boolean;
  /** Ours: per-phase current limits (A) of the grid connection; the safety margin applies to them too. */
  phaseLimitsA?: PhaseLimits;
  /** Ours: PRIORITY fills higher priorities to their caps before lower ones get anything above minimum. */
  strictPriorityTiers?: boolean;
  /** Ours: how long a car that starts or resumes keeps charging before it may be paused. Default 5 min. */
  minDwellMs?: number;
  /** Ours: the engine's clock (epoch ms). Default Date.now. */
  clock?: () => number;
}

export interface DispatchErrorEvent {
  clientId: string;
  transactionId: number | string;
  error: unknown;
}

export interface StarvedSession {
  clientId: string;
  transactionId: number | string;
  connectorId: number;
  minChargeRateKw: number;
  allocatedKw: number;
}

/** Emitted when the minimums do not all fit and some sessions are paused (given 0 until their turn). */
export interface GridOverCommitInfo {
  siteId: string;
  effectiveGridLimitKw: number;
  /** Sum of the minimums that were asked for. */
  requestedKw: number;
  sessionCount: number;
  /** Always false here: the engine pauses instead of over-committing. */
  feasible: boolean;
  /** The paused sessions (allocatedKw 0). */
  starvedSessions: StarvedSession[];
}

export interface SmartChargingEngineEvents {
  sessionAdded: (session: ActiveSession) => void;
  sessionUpdated: (session: ActiveSession) => void;
  sessionRemoved: (session: ActiveSession) => void;
  snapshotLoaded: (sessions: ReadonlyArray<ActiveSession>) => void;
  optimized: (profiles: SessionProfile[]) => void;
  dispatched: (profiles: SessionProfile[]) => void;
  dispatchError: (error: DispatchErrorEvent) => void;
  cleared: (payload: ClearDispatchPayload) => void;
  clearError: (payload: ClearDispatchPayload & { error: unknown }) => void;
  autoDispatchStarted: (intervalMs: number) => void;
  autoDispatchStopped: () => void;
  gridOverCommitted: (info: GridOverCommitInfo) => void;
  /** Ours: a custom strategy asked for something unsafe; the solver bounded it. */
  strategyAdjusted: (adjustments: StrategyAdjustment[]) => void;
  /** Ours: raises held back because a decrease they depend on was not confirmed. */
  raisesHeld: (profiles: SessionProfile[]) => void;
  error: (error: Error) => void;
}

/** Everything `getState()` returns and `loadState()` takes, for persistence across restarts. */
export interface EngineState {
  sessions: ActiveSession[];
  rotation: RotationState;
}
