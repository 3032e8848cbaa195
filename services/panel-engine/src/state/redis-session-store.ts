import type { RotationState, StrategySpec } from "@smart-charge/allocation";
import type { PanelBudget } from "@smart-charge/contracts";
import type { Redis } from "ioredis";
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

  async startSession(
    session: StoredSession,
    mark?: HandledMark,
  ): Promise<"created" | "exists" | "duplicate"> {
    const fields = encodeSession(session).flat();
    const { sessions, handled } = this.keys;
    const key = this.keys.session(session.transactionId);
    const created = await this.scripts.startSession(
      sessions,
      key,
      handled,
      ...markArgs(mark),
      session.transactionId,
      ...fields,
    );
    return created === "duplicate" ? created : created === 1 ? "created" : "exists";
  }

  async updateSession(
    transactionId: string,
    patch: SessionPatch,
    mark?: HandledMark,
  ): Promise<StoredSession | null | "duplicate"> {
    const { set, remove } = encodePatch(patch);
    const key = this.keys.session(transactionId);
    const stored = await this.scripts.updateSession(
      key,
      this.keys.handled,
      ...markArgs(mark),
      String(set.length),
      ...set.flat(),
      ...remove,
    );
    return decodeReply(stored);
  }

  async stopSession(transactionId: string, mark?: HandledMark): Promise<StoredSession | null | "duplicate"> {
    const { sessions, commanded, acknowledged, handled } = this.keys;
    const key = this.keys.session(transactionId);
    const stored = await this.scripts.stopSession(
      sessions,
      key,
      commanded,
      acknowledged,
      handled,
      ...markArgs(mark),
      transactionId,
    );
    return decodeReply(stored);
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

  async updateAndCommand(write: SessionUpdateWrite): Promise<"stored" | "duplicate" | "missing" | "stale"> {
    const { set, remove } = encodePatch(write.patch);
    const before = encodeSession(write.before);
    const { commanded, acknowledged, meta, handled } = this.keys;
    const limits = write.limits.flatMap((limit) => [
      limit.transactionId,
      encodeCommanded(limit),
      limit.acknowledged ? limit.messageId : "",
    ]);
    return this.scripts.updateAndCommand(
      this.keys.session(write.transactionId),
      commanded,
      acknowledged,
      meta,
      handled,
      ...markArgs(write.mark),
      String(set.length),
      ...set.flat(),
      String(remove.length),
      ...remove,
      String(write.limits.length),
      ...limits,
      write.rotation === undefined ? "" : encodeValue("rotation", write.rotation),
      String(before.length),
      ...before.flat(),
    );
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

/** ARGV 1–3 of the session scripts: digest, when, and before when the log forgets. */
function markArgs(mark: HandledMark | undefined): [string, string, string] {
  if (mark === undefined) return ["", "0", "0"];
  return [mark.digest, String(mark.at), String(mark.at - HANDLED_RETENTION_MS)];
}

function decodeReply(stored: string[] | null | "duplicate"): StoredSession | null | "duplicate" {
  if (stored === null || stored === "duplicate") return stored;
  return decodeSession(pairsToFields(stored));
}

/** Lua returns a hash as [field, value, field, value, …]. */
function pairsToFields(pairs: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) fields[pairs[i] as string] = pairs[i + 1] as string;
  return fields;
}
