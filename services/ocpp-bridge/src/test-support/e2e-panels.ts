import { encodeMessage, MESSAGE_SCHEMAS, topics } from "@smart-charge/contracts";
import {
  parseConfig as parsePanelConfig,
  RedisSessionStore,
  runPanelEngine,
  type RunningPanelEngine,
} from "@smart-charge/panel-engine";
import { createLogger } from "@smart-charge/service-kit";
import { uniqueId } from "@smart-charge/test-infra";
import { Redis } from "ioredis";
import type { MqttClient } from "mqtt";
import type { SimulatedChargePoint } from "./simulated-charge-point.js";

export interface PanelCharger {
  id: string;
  ocppVersion: "1.6" | "2.0.1";
}

/**
 * A real panel-engine for one panel of the site, its state in Redis, configured the way the panel-engine's
 * own tests do (a 50 kW breaker, a safe default well below it, no rotation dwell, no timer recomputes).
 */
export async function startPanelEngine(options: {
  mqttUrl: string;
  redisUrl: string;
  site: string;
  panel: string;
  chargers: PanelCharger[];
}): Promise<{ engine: RunningPanelEngine; stop: () => Promise<void> }> {
  const config = parsePanelConfig({
    site: options.site,
    panel: options.panel,
    instanceId: uniqueId("engine"),
    chargers: options.chargers,
    breaker: { kw: 50, phaseAmps: { L1: 80, L2: 80, L3: 80 } },
    safeDefaultBudget: { kw: 11 },
    minDwellMs: 0,
    mqtt: { url: options.mqttUrl },
    http: { host: "127.0.0.1", port: 0 },
    timing: { recomputeIntervalMs: 600_000, profileTtlS: 600, raiseHoldMs: 60_000 },
  });
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const engine = await runPanelEngine(config, {
    store: new RedisSessionStore({ redis, site: options.site, panel: options.panel }),
    storeKind: "redis",
    logger: createLogger(`test.${options.panel}`, process.env["LOG_LEVEL"] ?? "silent"),
  });
  return {
    engine,
    stop: async () => {
      await engine.stop();
      redis.disconnect();
    },
  };
}

/** Publishes a panel budget the way the site-master does (retained, QoS 1); returns its cleanup. */
export async function publishBudget(
  client: MqttClient,
  site: string,
  panel: string,
  totalKw: number,
  sequence = 1,
): Promise<() => Promise<void>> {
  const budget = { site, panel, totalKw, sequence, issuedAt: new Date().toISOString() };
  await client.publishAsync(
    topics.panelBudget(site, panel),
    encodeMessage(MESSAGE_SCHEMAS.panelBudget, budget),
    {
      qos: 1,
      retain: true,
    },
  );
  return async () => {
    for (const topic of [topics.panelBudget(site, panel), topics.panelStatus(site, panel)])
      await client.publishAsync(topic, "", { qos: 1, retain: true });
  };
}

/**
 * The highest sum of TxProfile limits in force at a group of chargers, over every moment a profile
 * changed: what the panel's conductors could have carried at worst.
 */
export function watchPeakW(chargePoints: readonly SimulatedChargePoint[]): {
  peakW: () => number;
  nowW: () => number;
} {
  let peak = 0;
  const sum = () =>
    chargePoints.reduce((total, cp) => total + [...cp.limitsW.values()].reduce((a, b) => a + b, 0), 0);
  for (const cp of chargePoints) cp.onProfile(() => (peak = Math.max(peak, sum())));
  return { peakW: () => peak, nowW: sum };
}
