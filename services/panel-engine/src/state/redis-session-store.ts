import type { RotationState, StrategySpec } from "@smart-charge/allocation";
import type { PanelBudget } from "@smart-charge/contracts";
import type { Redis } from "ioredis";
import type {
  CommandedLimit,
  PanelState,
  PanelStateStore,
  SessionPatch,
  StoredSession,
} from "./panel-state-store.js";
import { panelKeys, type PanelKeys } from "./redis-keys.js";
import { panelScripts, type PanelScripts } from "./redis-scripts.js";
import { execAll, readSnapshot } from "./redis-snapshot.js";
import { checkBudgetSequence } from "./budget-sequence.js";
import { decodeSession, encodeCommanded, encodePatch, encodeSession, encodeValue } from "./stored-fields.js";

export interface RedisSessionStoreOptions {
  /** The connection to use. The caller owns it: close() leaves it open unless quitOnClose is set. */
  redis: Redis;
  site: string;
  panel: string;
  /** Default `sce:v1:`; lets two deployments share one Redis. Must not contain braces. */
  keyPrefix?: string;
  /** close() also quits the connection, for a store that was handed a connection made just for it. */
  quitOnClose?: boolean;
}

/** A panel's state in Redis, so a restarted or standby engine carries on where the last one stopped. */
export class RedisSessionStore implements PanelStateStore {
  private readonly redis: Redis;
  private readonly keys: PanelKeys;
  private readonly scripts: PanelScripts;
  private readonly quitOnClose: boolean;

  constructor(options: RedisSessionStoreOptions) {
    this.redis = options.redis;
    this.keys = panelKeys(options.site, options.panel, options.keyPrefix);
    this.scripts = panelScripts(options.redis);
    this.quitOnClose = options.quitOnClose ?? false;
  }

  load(): Promise<PanelState> {
    return readSnapshot(this.redis, this.keys);
  }

  async startSession(session: StoredSession): Promise<"created" | "exists"> {
    const fields = encodeSession(session).flat();
    const { sessions } = this.keys;
    const created = await this.scripts.startSession(
      sessions,
      this.keys.session(session.transactionId),
      session.transactionId,
      ...fields,
    );
    return created === 1 ? "created" : "exists";
  }

  async updateSession(transactionId: string, patch: SessionPatch): Promise<StoredSession | null> {
    const { set, remove } = encodePatch(patch);
    const key = this.keys.session(transactionId);
    const stored = await this.scripts.updateSession(key, String(set.length), ...set.flat(), ...remove);
    return stored === null ? null : decodeSession(pairsToFields(stored));
  }

  async stopSession(transactionId: string): Promise<StoredSession | null> {
    const { sessions, commanded, acknowledged } = this.keys;
    const key = this.keys.session(transactionId);
    const stored = await this.scripts.stopSession(sessions, key, commanded, acknowledged, transactionId);
    return stored === null ? null : decodeSession(pairsToFields(stored));
  }

  async saveRotation(rotation: RotationState): Promise<void> {
    await this.redis.hset(this.keys.meta, "rotation", encodeValue("rotation", rotation));
  }

  async saveBudget(budget: PanelBudget): Promise<boolean> {
    checkBudgetSequence(budget.sequence);
    const saved = await this.scripts.saveBudget(
      this.keys.meta,
      String(budget.sequence),
      encodeValue("budget", budget),
    );
    return saved === 1;
  }

  async saveCommanded(limits: readonly CommandedLimit[], rotation?: RotationState): Promise<void> {
    const { commanded, acknowledged, meta } = this.keys;
    const multi = this.redis.multi();
    for (const limit of limits) {
      multi.hset(commanded, limit.transactionId, encodeCommanded(limit));
      if (limit.acknowledged) multi.hset(acknowledged, limit.transactionId, limit.messageId);
      else multi.hdel(acknowledged, limit.transactionId);
    }
    if (rotation !== undefined) multi.hset(meta, "rotation", encodeValue("rotation", rotation));
    await execAll(multi);
  }

  async saveStrategy(strategy: StrategySpec): Promise<void> {
    await this.redis.hset(this.keys.meta, "strategy", encodeValue("strategy", strategy));
  }

  async acknowledgeCommand(transactionId: string, messageId: string): Promise<void> {
    const { commanded, acknowledged } = this.keys;
    await this.scripts.acknowledgeCommand(commanded, acknowledged, transactionId, messageId);
  }

  nextEpoch(): Promise<number> {
    return this.redis.incr(this.keys.epoch);
  }

  async close(): Promise<void> {
    if (!this.quitOnClose || this.redis.status === "end") return;
    if (this.redis.status !== "ready") {
      // Down (an outage at shutdown): nothing to say goodbye to, and QUIT would wait or fail.
      this.redis.disconnect();
      return;
    }
    // quit() resolves on the server's OK; the socket is only gone at "end".
    const ended = new Promise<void>((resolve) => this.redis.once("end", () => resolve()));
    await this.redis.quit();
    await ended;
  }
}

/** Lua returns a hash as [field, value, field, value, …]. */
function pairsToFields(pairs: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) fields[pairs[i] as string] = pairs[i + 1] as string;
  return fields;
}
