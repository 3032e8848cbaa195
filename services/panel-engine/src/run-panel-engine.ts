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
import { PanelEngine, type PanelEngineDeps } from "./panel-engine.js";

export interface RunningPanelEngine {
  readonly engine: PanelEngine;
  readonly httpPort: number;
  stop(): Promise<void>;
}

/** What runPanelEngine passes on to the engine as it is (see PanelEngineDeps). */
type EngineOptions = Pick<
  PanelEngineDeps,
  "store" | "failover" | "storeReady" | "storeConnectionLosses" | "clock" | "oneWriteAfterMs"
>;

export interface RunOptions extends EngineOptions {
  /** Whether the store is durable (Redis); reported on /readyz and at start-up. */
  storeKind: "redis" | "memory";
  logger?: Logger;
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

  const { storeKind: _storeKind, logger: _logger, ...engineOptions } = options;
  const engine = new PanelEngine({ ...engineOptions, config, mqtt, logger, metrics });
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
        return { ready: true, role: engine.role };
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
