import { randomUUID } from "node:crypto";
import {
  allocate,
  type AllocationResult,
  type RotationState,
  type SessionProfile,
  type StrategySpec,
} from "@smart-charge/allocation";
import type { PanelBudget, ProfileCommand } from "@smart-charge/contracts";
import type { PanelEngineConfig } from "../config/config-schema.js";
import type { CommandedLimit, PanelState, StoredSession } from "../state/panel-state-store.js";
import {
  emptyRecord,
  hasPendingDecrease,
  recordAccepted,
  recordRefused,
  recordSent,
  settle,
  type LimitRecord,
} from "./limit-ledger.js";
import { budgetInForce, type BudgetInForce } from "./panel-budget.js";
import { planCommands, type CommandReason } from "./plan-commands.js";
import { setProfilePayload } from "./profile-payloads.js";
import { failSafeLimitW } from "./fail-safe-command.js";
import { withIdleReserve } from "./idle-reserve.js";

export interface OutgoingCommand {
  readonly command: ProfileCommand;
  readonly limit: CommandedLimit;
  readonly reason: CommandReason;
}

export interface Recomputation {
  readonly result: AllocationResult;
  readonly inForce: BudgetInForce;
  readonly commands: OutgoingCommand[];
  readonly held: string[];
  /** Sequence of the newest budget that the limits possibly in force honour (see CommandPlan.fits). */
  readonly appliedBudgetSequence: number | undefined;
}

/**
 * The panel's state and decisions, without I/O: sessions, rotation, budget and what each charger was told.
 * The service feeds it events and publishes what it returns; the same inputs always give the same outputs,
 * apart from message ids.
 */
export class PanelController {
  readonly sessions = new Map<string, StoredSession>();
  private readonly records = new Map<string, LimitRecord>();
  rotation: RotationState = {};
  budget: PanelBudget | null = null;
  strategy: StrategySpec;
  private appliedBudgetSequence: number | undefined;
  /** From the last recompute: raises held for confirmations, and the budget that is in force. */
  private heldRaises = 0;
  private inForceSequence: number | undefined;
  /** Per charger: what it draws before its first TxProfile (see baselineW), looked up on every recompute. */
  private readonly baselines: ReadonlyMap<string, number>;

  constructor(
    readonly config: PanelEngineConfig,
    readonly epoch: number,
  ) {
    this.strategy = strategyOf(config);
    this.baselines = new Map(
      config.chargers.map((c) => [c.id, config.failSafe.enabled ? failSafeLimitW(config, c) : 0]),
    );
  }

  /** Restores what a previous engine stored; every known limit is due for a refresh at once. */
  restore(state: PanelState): void {
    for (const s of state.sessions) this.sessions.set(s.transactionId, s);
    this.rotation = state.rotation;
    this.budget = state.budget;
    if (state.strategy !== null) this.strategy = state.strategy;
    for (const c of state.commanded) {
      const record = emptyRecord();
      const sent = { messageId: c.messageId, limitW: c.limitW, sentAt: Number.NEGATIVE_INFINITY };
      record.lastSent = sent;
      if (c.acknowledged) record.appliedW = c.limitW;
      else {
        // Not confirmed: the previous engine may have died before it was even published, so the charger
        // may still apply whatever it had before, which nobody stored. Assume the most it can draw until
        // the bridge confirms a limit or the hold time passes.
        record.appliedW = this.mostW(this.sessions.get(c.transactionId));
        record.pending.push({ ...sent, sentAt: c.sentAt });
      }
      this.records.set(c.transactionId, record);
    }
  }

  forget(transactionId: string): void {
    this.sessions.delete(transactionId);
    this.records.delete(transactionId);
  }

  /** A bridge answered: returns the session the command belonged to, if it is still pending. */
  onResult(messageId: string, accepted: boolean): string | undefined {
    for (const [transactionId, record] of this.records) {
      if (accepted ? recordAccepted(record, messageId) : recordRefused(record, messageId))
        return transactionId;
    }
    return undefined;
  }

  recompute(now: number): Recomputation {
    const inForce = budgetInForce(this.budget, this.config, now);
    const sessions = [...this.sessions.values()];
    const busy = new Set(sessions.map((s) => s.chargerId));
    const budget = withIdleReserve(inForce.budget, this.config, busy);
    const result = allocate({
      sessions,
      budget,
      voltageV: this.config.voltageV,
      strategy: this.strategy,
      now,
      rotation: this.rotation,
      minDwellMs: this.config.minDwellMs,
    });
    this.rotation = result.rotation;
    for (const record of this.records.values()) settle(record, now, this.config.timing.raiseHoldMs);
    const targets = result.profiles.map((p, i) => ({
      transactionId: String(p.transactionId),
      limitW: p.allocatedW,
      baselineW: this.baselineW(p.clientId),
      wiring: { phases: p.phases, panelPhases: p.panelPhases, voltageV: p.voltageV },
      session: sessions[i] as StoredSession,
      profile: p,
    }));
    const refreshMs = (this.config.timing.profileTtlS * 1000) / 2;
    const plan = planCommands(targets, this.records, budget, now, refreshMs);
    const byId = new Map(targets.map((t) => [t.transactionId, t]));
    const commands = plan.send.flatMap((planned) => {
      const t = byId.get(planned.transactionId);
      if (t === undefined) return [];
      const outgoing = this.commandFor(t.session, t.profile, now, planned.reason);
      const record = this.records.get(planned.transactionId) ?? emptyRecord();
      recordSent(record, {
        messageId: outgoing.command.messageId,
        limitW: t.profile.allocatedW,
        sentAt: now,
      });
      this.records.set(planned.transactionId, record);
      return [outgoing];
    });
    if (plan.fits && inForce.sequence !== undefined) this.appliedBudgetSequence = inForce.sequence;
    this.heldRaises = plan.held.length;
    this.inForceSequence = inForce.sequence;
    return {
      result,
      inForce,
      commands,
      held: plan.held,
      appliedBudgetSequence: this.appliedBudgetSequence,
    };
  }

  /**
   * Whether a charger's confirmation can change what recompute() decides: a raise is held until
   * decreases are confirmed, or the budget in force is not yet reported applied.
   */
  awaitsConfirmation(): boolean {
    if (this.heldRaises > 0) return true;
    if (this.inForceSequence === this.appliedBudgetSequence) return false;
    // What chargers may draw drops only when a decrease is confirmed; while others are still pending
    // the budget is (almost always) not yet met, and a recompute per confirmation after a grid-limit
    // change would redo the whole panel once per charger. The last one decides; the periodic recompute
    // settles decreases that are never confirmed.
    for (const record of this.records.values()) if (hasPendingDecrease(record)) return false;
    return true;
  }

  /** The most a session can draw: its caps, else the breaker. */
  private mostW(session: StoredSession | undefined): number {
    const capKw = Math.min(
      session?.maxHardwarePowerKw ?? Infinity,
      session?.maxEvAcceptancePowerKw ?? Infinity,
      this.config.breaker.kw,
    );
    return capKw * 1000;
  }

  /** A charger whose fail-safe the engine sends draws that until its first TxProfile. */
  private baselineW(chargerId: string): number {
    return this.baselines.get(chargerId) ?? 0;
  }

  private commandFor(
    session: StoredSession,
    profile: SessionProfile,
    now: number,
    reason: CommandReason,
  ): OutgoingCommand {
    const ttl = this.config.timing.profileTtlS;
    const messageId = randomUUID();
    const command: ProfileCommand = {
      messageId,
      site: this.config.site,
      panel: this.config.panel,
      chargerId: session.chargerId,
      connectorId: session.connectorId,
      action: "SetChargingProfile",
      ocppVersion: session.ocppVersion,
      payload: setProfilePayload(session.ocppVersion, profile, now, ttl),
      epoch: this.epoch,
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + ttl * 1000).toISOString(),
    };
    const limit: CommandedLimit = {
      transactionId: session.transactionId,
      chargerId: session.chargerId,
      connectorId: session.connectorId,
      limitW: profile.allocatedW,
      messageId,
      sentAt: now,
      acknowledged: false,
    };
    return { command, limit, reason };
  }
}

export function strategyOf(config: PanelEngineConfig): StrategySpec {
  switch (config.strategy) {
    case "EQUAL_SHARE":
      return { kind: "EQUAL_SHARE" };
    case "PRIORITY":
      return { kind: "PRIORITY", strictTiers: config.strictPriorityTiers };
    case "TIME_OF_USE": {
      const tou = config.timeOfUse;
      const windows = tou?.windows ?? [];
      return tou?.timeZone === undefined
        ? { kind: "TIME_OF_USE", windows }
        : { kind: "TIME_OF_USE", windows, timeZone: tou.timeZone };
    }
  }
}
