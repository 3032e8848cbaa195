import {
  connectNow,
  createLogger,
  createMqttClient,
  safeUrl,
  startHealthServer,
  watchMqttConnection,
} from "@smart-charge/service-kit";
import type { SiteConfig } from "@smart-charge/site-config";
import type { Logger } from "pino";
import { SiteMetrics } from "./ops/metrics.js";
import { SiteMaster } from "./site-master.js";
import { InMemorySiteStore } from "./state/in-memory-site-store.js";
import type { SiteStateStore } from "./state/site-state-store.js";

export interface RunningSiteMaster {
  readonly siteMaster: SiteMaster;
  readonly httpPort: number;
  readonly metrics: SiteMetrics;
  stop(): Promise<void>;
}

export interface RunSiteMasterOptions {
  /** Default: in memory (an all-in-one site in one process); see openSiteStore for Redis. */
  store?: SiteStateStore;
  storeKind?: "redis" | "memory";
  storeReady?: () => boolean;
  logger?: Logger;
  clock?: () => number;
}

/** Starts a site-master: MQTT, state, health server. stop() undoes it in reverse order. */
export async function runSiteMaster(
  config: SiteConfig,
  options: RunSiteMasterOptions = {},
): Promise<RunningSiteMaster> {
  const logger = options.logger ?? createLogger("site-master");
  const store = options.store ?? new InMemorySiteStore();
  const storeKind = options.storeKind ?? (options.store === undefined ? "memory" : "redis");
  logger.info(
    { event: "starting", site: config.site, mqtt: safeUrl(config.mqtt.url), store: storeKind },
    "site-master starting",
  );
  if (storeKind === "memory")
    logger.warn({ event: "memory-store" }, "no Redis configured: operator settings are lost on restart");
  const metrics = new SiteMetrics();
  const mqtt = createMqttClient(config.mqtt, `sce-${config.site}-site-master`);
  const connection = watchMqttConnection(mqtt, logger);

  const siteMaster = new SiteMaster({
    config,
    store,
    mqtt,
    logger,
    metrics,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await connectNow(mqtt);
  await siteMaster.start();
  const health = await startHealthServer(
    {
      live: () => true,
      ready: () => {
        if (!siteMaster.started) return { ready: false, reason: "not dividing yet" };
        if (!connection.connected) return { ready: false, reason: "MQTT disconnected" };
        if (options.storeReady && !options.storeReady()) return { ready: false, reason: "store unavailable" };
        return { ready: true };
      },
    },
    metrics.registry,
    config.http.host,
    config.http.port,
  );
  logger.info({ event: "started", httpPort: health.port }, "site-master started");
  return {
    siteMaster,
    httpPort: health.port,
    metrics,
    async stop() {
      logger.info({ event: "stopping" }, "site-master stopping");
      await siteMaster.stop();
      await health.close();
      await mqtt.endAsync();
      await store.close();
      logger.info({ event: "stopped" }, "site-master stopped");
    },
  };
}
