import type { RotationState, StrategySpec } from "@smart-charge/allocation";
import type { PanelBudget } from "@smart-charge/contracts";
import { checkBudgetSequence } from "./budget-sequence.js";
import { InMemoryStateSpace, logHandled, type PanelMemory } from "./in-memory-state-space.js";
import { HANDLED_RETENTION_MS } from "../failover/failover-store.js";
import type {
  CommandedLimit,
  HandledMark,
  PanelState,
  PanelStateStore,
  SessionPatch,
  SessionUpdateWrite,
  StoredSession,
} from "./panel-state-store.js";
import {
  byTransaction,
  bySessionAge,
  decodeCommanded,
  decodeSession,
  encodeCommanded,
  encodePatch,
  encodeSession,
  encodeValue,
} from "./stored-fields.js";

export interface InMemoryPanelStateStoreOptions {
  site: string;
  panel: string;
  /** Share one space between stores that should see the same state; default: a private one. */
  space?: InMemoryStateSpace;
}

/**
 * PanelStateStore without Redis, for the all-in-one demo and tests: the same behaviour and the same
 * encoding as RedisSessionStore, but lost when the process exits. Every method finishes its work
 * synchronously, which is what makes each one atomic here.
 */
export class InMemoryPanelStateStore implements PanelStateStore {
  private readonly memory: PanelMemory;

  constructor(options: InMemoryPanelStateStoreOptions) {
    this.memory = (options.space ?? new InMemoryStateSpace()).panel(options.site, options.panel);
  }

  async load(): Promise<PanelState> {
    const { sessions, rotation, budget, commanded, acknowledged, strategy } = this.memory;
    return {
      sessions: [...sessions.values()].map(decodeSession).sort(bySessionAge),
      rotation: rotation === null ? {} : (JSON.parse(rotation) as RotationState),
      budget: budget === null ? null : (JSON.parse(budget) as PanelBudget),
      commanded: [...commanded]
        .map(([transactionId, json]) => decodeCommanded(json, acknowledged.get(transactionId)))
        .sort(byTransaction),
      strategy: strategy === null ? null : (JSON.parse(strategy) as StrategySpec),
    };
  }

  async startSession(
    session: StoredSession,
    mark?: HandledMark,
  ): Promise<"created" | "exists" | "duplicate"> {
    if (this.isDuplicate(mark)) return "duplicate";
    const fields = Object.fromEntries(encodeSession(session));
    this.log(mark);
    if (this.memory.sessions.has(session.transactionId)) return "exists";
    this.memory.sessions.set(session.transactionId, fields);
    return "created";
  }

  async updateSession(
    transactionId: string,
    patch: SessionPatch,
    mark?: HandledMark,
  ): Promise<StoredSession | null | "duplicate"> {
    if (this.isDuplicate(mark)) return "duplicate";
    const { set, remove } = encodePatch(patch);
    this.log(mark);
    const stored = this.memory.sessions.get(transactionId);
    if (stored === undefined) return null;
    for (const [field, json] of set) stored[field] = json;
    for (const field of remove) delete stored[field];
    return decodeSession(stored);
  }

  async stopSession(transactionId: string, mark?: HandledMark): Promise<StoredSession | null | "duplicate"> {
    if (this.isDuplicate(mark)) return "duplicate";
    this.log(mark);
    const stored = this.memory.sessions.get(transactionId);
    this.memory.sessions.delete(transactionId);
    this.memory.commanded.delete(transactionId);
    this.memory.acknowledged.delete(transactionId);
    return stored === undefined ? null : decodeSession(stored);
  }

  async saveBudget(budget: PanelBudget): Promise<boolean> {
    checkBudgetSequence(budget.sequence);
    const json = encodeValue("budget", budget);
    const current = this.memory.budgetSequence;
    if (current !== null && current >= budget.sequence) return false;
    this.memory.budget = json;
    this.memory.budgetSequence = budget.sequence;
    return true;
  }

  async saveCommanded(limits: readonly CommandedLimit[], rotation?: RotationState): Promise<void> {
    for (const limit of limits) {
      this.memory.commanded.set(limit.transactionId, encodeCommanded(limit));
      if (limit.acknowledged) this.memory.acknowledged.set(limit.transactionId, limit.messageId);
      else this.memory.acknowledged.delete(limit.transactionId);
    }
    if (rotation !== undefined) this.memory.rotation = encodeValue("rotation", rotation);
  }

  async updateAndCommand(write: SessionUpdateWrite): Promise<"stored" | "duplicate" | "missing" | "stale"> {
    // Everything is encoded (and may throw) before anything is written: all or nothing, as in Redis.
    encodePatch(write.patch);
    write.limits.forEach(encodeCommanded);
    if (write.rotation !== undefined) encodeValue("rotation", write.rotation);
    if (this.isDuplicate(write.mark)) return "duplicate";
    const stored = this.memory.sessions.get(write.transactionId);
    if (stored === undefined) return "missing";
    const before = encodeSession(write.before);
    const same =
      before.length === Object.keys(stored).length && before.every(([f, json]) => stored[f] === json);
    if (!same) return "stale";
    // Both bodies run to completion synchronously when called: nothing can come in between.
    const updated = this.updateSession(write.transactionId, write.patch, write.mark);
    const saved = this.saveCommanded(write.limits, write.rotation);
    await Promise.all([updated, saved]);
    return "stored";
  }

  async saveStrategy(strategy: StrategySpec): Promise<void> {
    this.memory.strategy = encodeValue("strategy", strategy);
  }

  async acknowledgeCommand(transactionId: string, messageId: string): Promise<void> {
    const stored = this.memory.commanded.get(transactionId);
    if (stored === undefined) return;
    if ((JSON.parse(stored) as CommandedLimit).messageId !== messageId) return;
    this.memory.acknowledged.set(transactionId, messageId);
  }

  async nextEpoch(): Promise<number> {
    this.memory.epoch += 1;
    return this.memory.epoch;
  }

  async close(): Promise<void> {}

  private isDuplicate(mark: HandledMark | undefined): boolean {
    return mark !== undefined && this.memory.handled.has(mark.digest);
  }

  /** Same log as InMemoryFailoverStore's: the two share the panel's memory. */
  private log(mark: HandledMark | undefined): void {
    if (mark !== undefined)
      logHandled(this.memory.handled, mark.digest, mark.at, mark.at - HANDLED_RETENTION_MS);
  }
}
