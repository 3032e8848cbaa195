import { createFence, subscriptions } from "@smart-charge/contracts";
import {
  connectNow,
  createLogger,
  createMqttClient,
  safeUrl,
  startHealthServer,
  watchMqttConnection,
} from "@smart-charge/service-kit";
import type { Logger } from "pino";
import type { BridgeConfig } from "./config/config-schema.js";
import { SessionRegistry } from "./core/session-registry.js";
import { TransactionIds } from "./core/transaction-ids.js";
import { ChargerServer } from "./io/charger-server.js";
import { acknowledgeOnlyWhile } from "./io/ack-gate.js";
import { CommandRelay } from "./io/command-relay.js";
import { createContractPublisher } from "./io/contract-publisher.js";
import { failSafeInstaller } from "./io/fail-safe-installer.js";
import { BridgeMetrics } from "./ops/metrics.js";

export interface RunningOcppBridge {
  /** The OCPP websocket port (useful when the config asked for port 0). */
  readonly port: number;
  /** The health and metrics port. */
  readonly httpPort: number;
  stop(): Promise<void>;
}

export interface RunOcppBridgeOptions {
  logger?: Logger;
  clock?: () => number;
  /** Highest epoch per charger from a previous run (`createFence` snapshot), if the caller kept one. */
  fenceSnapshot?: Record<string, number>;
}

/** Starts a bridge: MQTT first, then the websocket server, then health. stop() undoes it in reverse. */
export async function runOcppBridge(
  config: BridgeConfig,
  options: RunOcppBridgeOptions = {},
): Promise<RunningOcppBridge> {
  const logger = options.logger ?? createLogger(config.bridgeId);
  const clock = options.clock ?? Date.now;
  logger.info(
    {
      event: "starting",
      site: config.site,
      chargers: config.chargers.length,
      mqtt: safeUrl(config.mqtt.url),
    },
    "ocpp-bridge starting",
  );
  const metrics = new BridgeMetrics();
  const mqtt = createMqttClient(config.mqtt, `sce-${config.site}-${config.bridgeId}`);
  const publisher = createContractPublisher(mqtt, config.site, config.bridgeId, logger);
  const connection = watchMqttConnection(mqtt, logger);

  const installFailSafe = failSafeInstaller({ config, publisher, metrics, logger, clock });
  const chargers = new ChargerServer({
    config,
    sessions: new SessionRegistry(),
    publisher,
    metrics,
    logger,
    clock,
    transactionIds: new TransactionIds(clock),
    onBoot: (link) => void installFailSafe(link),
  });
  const fence = createFence(options.fenceSnapshot);
  const relay = new CommandRelay({ fence, links: chargers.links, publisher, metrics, logger, clock });
  let accepting = true;
  // Installed before connecting: on a persistent session the broker delivers what it kept at once.
  mqtt.on("message", (topic, payload) => {
    if (accepting) relay.onMessage(topic, payload);
  });
  acknowledgeOnlyWhile(mqtt, () => accepting);
  await connectNow(mqtt);
  await mqtt.subscribeAsync(
    config.chargers.flatMap((c) => subscriptions.bridge(config.site, c.id)),
    { qos: 1 },
  );
  const port = await chargers.listen();
  const health = await startHealthServer(
    {
      live: () => true,
      ready: () => (connection.connected ? { ready: true } : { ready: false, reason: "MQTT disconnected" }),
    },
    metrics.registry,
    config.http.host,
    config.http.port,
  );
  logger.info({ event: "started", port, httpPort: health.port }, "ocpp-bridge started");

  return {
    port,
    httpPort: health.port,
    async stop() {
      logger.info({ event: "stopping" }, "ocpp-bridge stopping");
      accepting = false;
      // Closing the chargers fails their pending calls, so every command in hand still gets its result.
      await chargers.close();
      await relay.idle();
      await health.close();
      await mqtt.endAsync();
      logger.info({ event: "stopped", fence: fence.snapshot() }, "ocpp-bridge stopped");
    },
  };
}
