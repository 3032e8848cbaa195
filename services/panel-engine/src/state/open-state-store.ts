import { safeUrl } from "@smart-charge/service-kit";
import { Redis } from "ioredis";
import type { PanelEngineConfig } from "../config/config-schema.js";
import { InMemoryPanelStateStore } from "./in-memory-panel-state-store.js";
import type { InMemoryStateSpace } from "./in-memory-state-space.js";
import type { PanelStateStore } from "./panel-state-store.js";
import { RedisSessionStore } from "./redis-session-store.js";
import type { FailoverStore } from "../failover/failover-store.js";
import { InMemoryFailoverStore } from "../failover/in-memory-failover-store.js";
import { RedisFailoverStore } from "../failover/redis-failover-store.js";

/** What RunOptions needs to know about the store. */
export interface OpenedStateStore {
  store: PanelStateStore;
  /** Whether state survives a restart (redis) or not (memory). */
  storeKind: "redis" | "memory";
  /** False while the Redis connection is down, so /readyz can say so. */
  storeReady?: () => boolean;
  /** How often the connection to the store was lost so far (see PanelEngineDeps). */
  storeConnectionLosses?: () => number;
  /** The lease and handled-message log shared with the panel's other engine (same Redis). */
  failover: FailoverStore;
}

/** Logs Redis connection trouble; a pino Logger fits. */
export interface StoreLogger {
  warn(details: object, message: string): void;
}

/**
 * The store a panel-engine runs with: Redis when the configuration names one (connected before this
 * resolves, so a wrong URL stops start-up), in memory otherwise. close() on the store quits the
 * connection opened here.
 */
export async function openStateStore(
  config: Pick<PanelEngineConfig, "site" | "panel" | "redis">,
  logger: StoreLogger,
  space?: InMemoryStateSpace,
): Promise<OpenedStateStore> {
  const { site, panel } = config;
  if (config.redis === undefined) {
    return {
      store: new InMemoryPanelStateStore({ site, panel, ...(space ? { space } : {}) }),
      storeKind: "memory",
      failover: new InMemoryFailoverStore({ site, panel, ...(space ? { space } : {}) }),
    };
  }

  const redis = new Redis(config.redis.url, REDIS_OPTIONS);
  let lastError: string | undefined;
  redis.on("error", (error: Error) => {
    // ioredis repeats the same error on every reconnect attempt; one line per change is enough.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ event: "redis-error", err: error }, "Redis connection error; retrying");
  });
  let down = false;
  let losses = 0;
  redis.on("close", () => {
    losses += 1;
    if (redis.status === "end" || down) return;
    down = true;
    logger.warn({ event: "redis-disconnected" }, "Redis connection lost; reconnecting with backoff");
  });
  redis.on("ready", () => {
    lastError = undefined;
    if (down) logger.warn({ event: "redis-reconnected" }, "Redis connection back");
    down = false;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = lastError ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`cannot connect to Redis at ${safeUrl(config.redis.url)}: ${reason}`, {
      cause: error,
    });
  }
  const keyPrefix = config.redis.keyPrefix;
  return {
    failover: new RedisFailoverStore({ redis, site, panel, ...(keyPrefix ? { keyPrefix } : {}) }),
    store: new RedisSessionStore({
      redis,
      site,
      panel,
      quitOnClose: true,
      ...(keyPrefix ? { keyPrefix } : {}),
    }),
    storeKind: "redis",
    storeReady: () => redis.status === "ready",
    storeConnectionLosses: () => losses,
  };
}

/**
 * Reconnects with backoff (100 ms doubling to 2 s). While the connection is down, new commands fail at
 * once instead of waiting in a queue: the engine retries the message itself, and a write queued during
 * an outage must not land after this engine lost its lease. A command that was on the wire when the
 * connection broke is resent only if the first reconnection succeeds (100 ms later, far inside the
 * lease); otherwise it fails (maxRetriesPerRequest) and the engine retries it. (Without a resend ioredis
 * would leave it pending forever.)
 */
const REDIS_OPTIONS = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  retryStrategy: (attempt: number) => Math.min(100 * 2 ** Math.min(attempt - 1, 5), 2_000),
} as const;
