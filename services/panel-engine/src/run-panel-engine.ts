import type { Logger } from "pino";
import type { PanelEngineConfig } from "./config/config-schema.js";
import {
  connectNow,
  createLogger,
  createMqttClient,
  safeUrl,
  startHealthServer,
  watchMqttConnection,
} from "@smart-charge/service-kit";
import { PanelMetrics } from "./ops/metrics.js";
import { PanelEngine } from "./panel-engine.js";
import type { PanelStateStore } from "./state/panel-state-store.js";
import type { FailoverStore } from "./failover/failover-store.js";

export interface RunningPanelEngine {
  readonly engine: PanelEngine;
  readonly httpPort: number;
  stop(): Promise<void>;
}

export interface RunOptions {
  store: PanelStateStore;
  /** Whether the store is durable (Redis); reported on /readyz and at start-up. */
  storeKind: "redis" | "memory";
  storeReady?: () => boolean;
  storeConnectionLosses?: () => number;
  /**
   * Lease, handled-message log and fail-safe memory shared by the panel's active and standby engines
   * (openStateStore gives the Redis one). Without it the engine is the panel's only one and always leads.
   */
  failover?: FailoverStore;
  logger?: Logger;
  clock?: () => number;
  /** See PanelEngineDeps.oneWriteAfterMs (tests set 0 to take the one-write path at once). */
  oneWriteAfterMs?: number;
}

/** Starts one panel-engine: MQTT, state, engine, health server. stop() undoes it in reverse order. */
export async function runPanelEngine(
  config: PanelEngineConfig,
  options: RunOptions,
): Promise<RunningPanelEngine> {
  const logger = options.logger ?? createLogger(`panel-engine.${config.panel}`);
  logger.info(
    {
      event: "starting",
      site: config.site,
      panel: config.panel,
      instanceId: config.instanceId,
      mqtt: safeUrl(config.mqtt.url),
      store: options.storeKind,
    },
    "panel-engine starting",
  );
  if (options.storeKind === "memory")
    logger.warn(
      { event: "memory-store" },
      "no Redis configured: state is kept in memory and lost on restart",
    );
  const metrics = new PanelMetrics();
  const mqtt = createMqttClient(config.mqtt, `sce-${config.site}-${config.panel}-${config.instanceId}`);
  const connection = watchMqttConnection(mqtt, logger);

  const engine = new PanelEngine({
    config,
    store: options.store,
    mqtt,
    logger,
    metrics,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.failover ? { failover: options.failover } : {}),
    ...(options.storeReady ? { storeReady: options.storeReady } : {}),
    ...(options.storeConnectionLosses ? { storeConnectionLosses: options.storeConnectionLosses } : {}),
    ...(options.oneWriteAfterMs !== undefined ? { oneWriteAfterMs: options.oneWriteAfterMs } : {}),
  });
  await connectNow(mqtt);
  await engine.start();
  const health = await startHealthServer(
    {
      live: () => true,
      ready: () => {
        if (!engine.started) return { ready: false, reason: "not started" };
        if (!connection.connected) return { ready: false, reason: "MQTT disconnected" };
        if (options.storeReady && !options.storeReady()) return { ready: false, reason: "store unavailable" };
        // Leader and standby are both ready: the standby is what makes a takeover quick.
        const state = { ready: true, role: engine.role };
        return state;
      },
    },
    metrics.registry,
    config.http.host,
    config.http.port,
  );
  logger.info({ event: "started", httpPort: health.port, role: engine.role }, "panel-engine started");

  return {
    engine,
    httpPort: health.port,
    async stop() {
      logger.info({ event: "stopping" }, "panel-engine stopping");
      await engine.stop();
      await health.close();
      await mqtt.endAsync();
      await options.store.close();
      logger.info({ event: "stopped" }, "panel-engine stopped");
    },
  };
}
