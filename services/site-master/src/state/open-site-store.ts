import { openRedis } from "@smart-charge/service-kit";
import type { SiteConfig } from "@smart-charge/site-config";
import type { Logger } from "pino";
import { InMemorySiteStore } from "./in-memory-site-store.js";
import { RedisSiteStore } from "./redis-site-store.js";
import type { SiteStateStore } from "./site-state-store.js";

export interface OpenedSiteStore {
  store: SiteStateStore;
  storeKind: "redis" | "memory";
  /** False while the Redis connection is down, so /readyz can say so. */
  storeReady?: () => boolean;
}

/**
 * Redis when the site file names one (connected before this resolves), in memory otherwise. Redis
 * commands fail at once while the connection is down (service-kit's FAIL_FAST_REDIS_OPTIONS): the
 * site-master then divides and publishes without storing (see publishRound).
 */
export async function openSiteStore(
  config: Pick<SiteConfig, "site" | "redis">,
  logger: Logger,
): Promise<OpenedSiteStore> {
  if (config.redis === undefined) return { store: new InMemorySiteStore(), storeKind: "memory" };
  const { redis, ready } = await openRedis(config.redis.url, logger);
  const keyPrefix = config.redis.keyPrefix;
  return {
    store: new RedisSiteStore({
      redis,
      site: config.site,
      quitOnClose: true,
      ...(keyPrefix === undefined ? {} : { keyPrefix }),
      onBadField: (field) => logger.warn({ event: "bad-stored-field", field }, "stored field ignored"),
    }),
    storeKind: "redis",
    storeReady: ready,
  };
}
