import { openRedis, type RedisLogger } from "@smart-charge/service-kit";
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

/**
 * The store a panel-engine runs with: Redis when the configuration names one (connected before this
 * resolves, so a wrong URL stops start-up), in memory otherwise. close() on the store quits the
 * connection opened here.
 */
export async function openStateStore(
  config: Pick<PanelEngineConfig, "site" | "panel" | "redis">,
  logger: RedisLogger,
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

  const { redis, ready, losses } = await openRedis(config.redis.url, logger);
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
    storeReady: ready,
    storeConnectionLosses: losses,
  };
}
