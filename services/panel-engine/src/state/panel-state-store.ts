import type { ActiveSession, RotationState, StrategySpec } from "@smart-charge/allocation";
import type { OcppVersion, PanelBudget } from "@smart-charge/contracts";

/** A session as the panel-engine keeps it: the allocation library's session plus where to send profiles. */
export interface StoredSession extends ActiveSession {
  transactionId: string;
  /** OCPP identity of the charger (clientId is the same value; kept for readability of stored state). */
  chargerId: string;
  ocppVersion: OcppVersion;
}

/** Fields a session update may change; `null` removes an optional field (a cap), omitted means unchanged. */
export type SessionPatch = {
  [
    K in
      | "maxHardwarePowerKw"
      | "maxEvAcceptancePowerKw"
      | "minChargeRateKw"
      | "priority"
      | "phases"
      | "panelPhases"
      | "connectorId"
  ]?: StoredSession[K] | null;
};

/** What was last commanded to one charger connector, so a restarted engine republishes the same limits. */
export interface CommandedLimit {
  transactionId: string;
  chargerId: string;
  connectorId: number;
  limitW: number;
  messageId: string;
  /** Epoch ms. */
  sentAt: number;
  /** Whether the bridge answered Accepted. */
  acknowledged: boolean;
}

export interface PanelState {
  sessions: StoredSession[];
  rotation: RotationState;
  budget: PanelBudget | null;
  commanded: CommandedLimit[];
  /** The strategy an operator chose at run time; null means the config file's. */
  strategy: StrategySpec | null;
}

/**
 * A message's entry in the handled-message log (see FailoverStore), written in the same atomic step as
 * the change the message makes: a redelivered session event is recognised, and skipped, without an extra
 * round trip before the change.
 */
export interface HandledMark {
  digest: string;
  /** Epoch ms: when it was handled (entries older than the retention are forgotten). */
  at: number;
}

/**
 * A leader's session update written together with what it commanded after it: the patch, the limits and
 * rotation of the recompute, and the event's handled mark. One atomic step, one round trip.
 */
export interface SessionUpdateWrite {
  transactionId: string;
  /** The session as the leader holds it before the patch; the store must hold exactly this. */
  before: StoredSession;
  patch: SessionPatch;
  mark: HandledMark;
  limits: readonly CommandedLimit[];
  rotation?: RotationState;
}

/**
 * Where a panel-engine keeps its state so that a restarted or standby engine carries on. Every method is
 * atomic on its own: two events racing on the same session never lose an update.
 */
export interface PanelStateStore {
  load(): Promise<PanelState>;
  /*
   * The session methods take the handled mark of the message that asks for the change: when the log
   * already has it they change nothing and answer "duplicate"; otherwise they change and log it at once.
   */
  /** Adds the session; if one with the same transactionId exists it is left unchanged ("exists"). */
  startSession(session: StoredSession, mark?: HandledMark): Promise<"created" | "exists" | "duplicate">;
  /** Merges the patch into the stored session atomically; null if there is no such session. */
  updateSession(
    transactionId: string,
    patch: SessionPatch,
    mark?: HandledMark,
  ): Promise<StoredSession | null | "duplicate">;
  /** Removes the session (and its commanded limit); returns what was stored, or null. */
  stopSession(transactionId: string, mark?: HandledMark): Promise<StoredSession | null | "duplicate">;
  /** Stores the budget only if its sequence is higher than the stored one; says whether it did. */
  saveBudget(budget: PanelBudget): Promise<boolean>;
  /**
   * Stores the limits just commanded, and the new rotation when given, in one atomic write: the engine
   * calls it once per recompute, so an event costs one round trip here, whatever it changed.
   */
  saveCommanded(limits: readonly CommandedLimit[], rotation?: RotationState): Promise<void>;
  /**
   * Writes all of a SessionUpdateWrite, or nothing: "duplicate" when the log has the mark, "missing"
   * when there is no such session, "stale" when the stored session is not `before` (a write the leader
   * does not know of, e.g. a deposed leader's that arrived late). The leader computes the limits from its own copy of the session, so
   * the event costs one round trip before its profile goes out; on anything but "stored" it reloads.
   */
  updateAndCommand(write: SessionUpdateWrite): Promise<"stored" | "duplicate" | "missing" | "stale">;
  /** Keeps an operator's strategy choice across restarts and for a standby engine. */
  saveStrategy(strategy: StrategySpec): Promise<void>;
  /** Marks the command with this messageId acknowledged (if it is still the latest for its session). */
  acknowledgeCommand(transactionId: string, messageId: string): Promise<void>;
  /** The next fencing epoch for this panel (monotonic across restarts and instances). */
  nextEpoch(): Promise<number>;
  close(): Promise<void>;
}
