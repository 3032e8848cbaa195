import { startEmbeddedBroker } from "@smart-charge/embedded-broker";
import { openStateStore, parseConfig, runPanelEngine } from "@smart-charge/panel-engine";
import type { SiteConfig } from "@smart-charge/site-config";
import { openSiteStore, runSiteMaster } from "@smart-charge/site-master";
import type { SessionEvent } from "@smart-charge/contracts";
import type { Logger } from "pino";
import { panelEngineInputs } from "./panel-engine-input.js";
import { SimulatedChargers } from "./simulated-chargers.js";

export interface AllInOneOptions {
  readonly site: SiteConfig;
  /** Port of the embedded broker; 0 picks a free one (1883 is often taken by a system broker). */
  readonly mqttPort: number;
  /** Redis for every state store; undefined keeps all state in memory. */
  readonly redisUrl: string | undefined;
  readonly logger: Logger;
  readonly seed: number;
  /** One tick of simulated car traffic. */
  readonly tickMs: number;
  readonly arrivalChance: number;
  readonly stayMs: readonly [number, number];
  readonly minDwellMs: number;
  readonly onSessionEvent?: (event: SessionEvent) => void;
}

export interface AllInOne {
  readonly mqttUrl: string;
  readonly storeKind: "redis" | "memory";
  readonly panels: readonly string[];
  stop(): Promise<void>;
}

/**
 * The whole product in one process: an embedded aedes broker, the site-master, one panel-engine per
 * panel with chargers, and simulated chargers where cars come and go. Every part talks to the others
 * over MQTT exactly as the separate services do. stop() undoes everything in reverse order.
 */
export async function startAllInOne(options: AllInOneOptions): Promise<AllInOne> {
  const { logger } = options;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const broker = await startEmbeddedBroker({
      port: options.mqttPort,
      logger: { warn: (message, ...details) => logger.warn({ event: "broker", details }, message) },
    });
    stops.push(() => broker.close());
    const site: SiteConfig = {
      ...options.site,
      mqtt: { ...options.site.mqtt, url: broker.url },
      http: { host: "127.0.0.1", port: 0 },
    };
    // REDIS_URL, not the site file, decides: the demo must not write into a Redis the file happens to name.
    if (options.redisUrl === undefined) delete site.redis;
    else site.redis = { url: options.redisUrl };

    const siteStore = await openSiteStore(site, logger.child({ name: "site-master" }));
    const siteMaster = await runSiteMaster(site, {
      ...siteStore,
      logger: logger.child({ name: "site-master" }),
    });
    stops.push(() => siteMaster.stop());

    const inputs = panelEngineInputs(site, broker.url, {
      minDwellMs: options.minDwellMs,
      recomputeIntervalMs: 5_000,
    });
    for (const input of inputs) {
      const config = parseConfig(input);
      const engineLogger = logger.child({ name: `panel-engine.${config.panel}` });
      const store = await openStateStore(config, engineLogger);
      const engine = await runPanelEngine(config, { ...store, logger: engineLogger });
      stops.push(() => engine.stop());
    }

    const spots = inputs.flatMap((input) =>
      input.chargers.map((c) => ({
        chargerId: c.id,
        panel: input.panel,
        maxHardwarePowerKw: c.maxHardwarePowerKw ?? 22,
        phases: c.phases === 1 ? (1 as const) : (3 as const),
      })),
    );
    const chargers = await SimulatedChargers.start(broker.url, site.site, spots, {
      tickMs: options.tickMs,
      seed: options.seed,
      arrivalChance: options.arrivalChance,
      stayMs: options.stayMs,
      ...(options.onSessionEvent ? { onEvent: options.onSessionEvent } : {}),
    });
    stops.push(() => chargers.stop());
    return {
      mqttUrl: broker.url,
      storeKind: site.redis ? "redis" : "memory",
      panels: inputs.map((i) => i.panel),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
