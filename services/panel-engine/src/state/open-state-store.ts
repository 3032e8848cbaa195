import { Redis } from "ioredis";
import type { PanelEngineConfig } from "../config/config-schema.js";
import { InMemoryPanelStateStore } from "./in-memory-panel-state-store.js";
import type { InMemoryStateSpace } from "./in-memory-state-space.js";
import type { PanelStateStore } from "./panel-state-store.js";
import { RedisSessionStore } from "./redis-session-store.js";

/** What RunOptions needs to know about the store. */
export interface OpenedStateStore {
  store: PanelStateStore;
  /** Whether state survives a restart (redis) or not (memory). */
  storeKind: "redis" | "memory";
  /** False while the Redis connection is down, so /readyz can say so. */
  storeReady?: () => boolean;
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
    };
  }

  const redis = new Redis(config.redis.url, { lazyConnect: true });
  let lastError: string | undefined;
  redis.on("error", (error: Error) => {
    // ioredis repeats the same error on every reconnect attempt; one line per change is enough.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ event: "redis-error", err: error }, "Redis connection error; retrying");
  });
  redis.on("ready", () => (lastError = undefined));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = lastError ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`cannot connect to Redis at ${redactedUrl(config.redis.url)}: ${reason}`, {
      cause: error,
    });
  }
  const keyPrefix = config.redis.keyPrefix;
  return {
    store: new RedisSessionStore({
      redis,
      site,
      panel,
      quitOnClose: true,
      ...(keyPrefix ? { keyPrefix } : {}),
    }),
    storeKind: "redis",
    storeReady: () => redis.status === "ready",
  };
}

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}
