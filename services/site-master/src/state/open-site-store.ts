import { safeUrl } from "@smart-charge/service-kit";
import type { SiteConfig } from "@smart-charge/site-config";
import { Redis } from "ioredis";
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

/** Redis when the site file names one (connected before this resolves), in memory otherwise. */
export async function openSiteStore(
  config: Pick<SiteConfig, "site" | "redis">,
  logger: Logger,
): Promise<OpenedSiteStore> {
  if (config.redis === undefined) return { store: new InMemorySiteStore(), storeKind: "memory" };
  const redis = new Redis(config.redis.url, { lazyConnect: true });
  let lastError: string | undefined;
  redis.on("error", (error: Error) => {
    if (error.message === lastError) return; // ioredis repeats it on every retry
    lastError = error.message;
    logger.warn({ event: "redis-error", err: error }, "Redis connection error; retrying");
  });
  redis.on("ready", () => (lastError = undefined));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `cannot connect to Redis at ${safeUrl(config.redis.url)}: ${lastError ?? String(error)}`,
      {
        cause: error,
      },
    );
  }
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
    storeReady: () => redis.status === "ready",
  };
}
