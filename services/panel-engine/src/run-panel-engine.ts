import type { Logger } from "pino";
import type { PanelEngineConfig } from "./config/config-schema.js";
import { connectMqtt } from "./io/connect-mqtt.js";
import { startHealthServer } from "./ops/health-server.js";
import { createLogger, safeUrl } from "./ops/logger.js";
import { PanelMetrics } from "./ops/metrics.js";
import { PanelEngine } from "./panel-engine.js";
import type { PanelStateStore } from "./state/panel-state-store.js";

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
  logger?: Logger;
  clock?: () => number;
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
  const mqtt = await connectMqtt(config);
  let connected = true;
  mqtt.on("connect", () => {
    connected = true;
    logger.info({ event: "mqtt-connected" }, "MQTT connected");
  });
  mqtt.on("close", () => {
    if (connected) logger.warn({ event: "mqtt-disconnected" }, "MQTT connection lost; reconnecting");
    connected = false;
  });
  mqtt.on("error", (error) => logger.error({ event: "mqtt-error", err: error }, "MQTT error"));

  const engine = new PanelEngine({
    config,
    store: options.store,
    mqtt,
    logger,
    metrics,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await engine.start();
  const health = await startHealthServer(
    {
      live: () => true,
      ready: () => {
        if (!engine.started) return { ready: false, reason: "state not loaded" };
        if (!connected) return { ready: false, reason: "MQTT disconnected" };
        if (options.storeReady && !options.storeReady()) return { ready: false, reason: "store unavailable" };
        return { ready: true };
      },
    },
    metrics.registry,
    config.http.host,
    config.http.port,
  );
  logger.info({ event: "started", httpPort: health.port }, "panel-engine started");

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
