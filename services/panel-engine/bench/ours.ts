/**
 * Our engine: a real panel-engine started in-process with runPanelEngine(), state in Redis, talking to
 * the bench's bridge through the broker. Every command is answered Accepted at once; before each sample
 * the engine is idle (it has handled the previous command's result, see barrier()).
 */
import { encodeMessage, MESSAGE_SCHEMAS, topics, type PanelStatus } from "@smart-charge/contracts";
import { uniqueId } from "@smart-charge/test-infra";
import { Redis } from "ioredis";
import { parseConfig, RedisSessionStore, runPanelEngine, type RunningPanelEngine } from "../src/index.js";
import { createLogger, mqttOptions } from "@smart-charge/service-kit";
import { BenchBridge } from "./bridge.js";
import { deleteKeys, dropMqttSession } from "./cleanup.js";
import { GcWatch } from "./gc-watch.js";
import { barrierEvent, CHARGER_KW, chargerId, measure, PANEL, startedEvent, type Samples } from "./flow.js";
import { withTimeout } from "../src/failover/with-timeout.js";
import { stagesOf, TimedStore } from "./timed-store.js";

export interface Urls {
  readonly mqtt: string;
  readonly redis: string;
}

export interface RunOptions {
  readonly samples: number;
  readonly warmup: number;
}

export interface OursResult {
  readonly samples: Samples;
  /** Per decrease sample: the STAGES of timed-store.ts, in ms. */
  readonly stages: number[][];
  /** Per decrease sample: Redis round trips completed between publish and the command's arrival. */
  readonly roundTrips: number[];
  /** Garbage-collection pauses in this process while measuring, in ms. */
  readonly gcPauses: number[];
  /** Samples (both flows) above SLOW_MS: latency and how much of it was a GC pause of this process. */
  readonly slow: { ms: number; gcMs: number }[];
  /** Commands the engine published per measured event. */
  readonly commandsPerEvent: number;
}

export const SLOW_MS = 5;

/**
 * Sends a message the engine refuses (meter values of an unknown transaction) and waits for its error
 * report: the engine handles messages in order, so everything sent before (the bridge's answer to the
 * last command included) has been handled, stored and recomputed.
 */
async function barrier(bridge: BenchBridge, site: string, i: number): Promise<void> {
  const reported = bridge.nextError();
  const { topic, body } = barrierEvent(site, i);
  bridge.send(topic, body);
  await withTimeout(reported, 10_000, "the engine's error report for the barrier message");
}

const fullyAllocated = (status: PanelStatus | undefined, n: number): boolean =>
  status !== undefined &&
  status.sessions.length === n &&
  status.sessions.every((s) => Math.abs(s.allocatedKw - CHARGER_KW) < 0.01);

export async function runOurs(n: number, urls: Urls, options: RunOptions): Promise<OursResult> {
  const site = uniqueId("bench-ours");
  const budgetKw = n * CHARGER_KW + 10;
  const config = parseConfig({
    site,
    panel: PANEL,
    instanceId: uniqueId("bench"),
    chargers: Array.from({ length: n }, (_, i) => ({
      id: chargerId(i),
      phases: 3,
      maxHardwarePowerKw: CHARGER_KW,
    })),
    breaker: { kw: budgetKw + 40 },
    safeDefaultBudget: { kw: 11 },
    minDwellMs: 0,
    mqtt: { url: urls.mqtt },
    http: { host: "127.0.0.1", port: 0 },
    timing: { recomputeIntervalMs: 600_000, profileTtlS: 600, raiseHoldMs: 60_000 },
  });
  const redis = new Redis(urls.redis, { maxRetriesPerRequest: null });
  const store = new TimedStore(new RedisSessionStore({ redis, site, panel: PANEL }));
  const bridge = await BenchBridge.start(urls.mqtt, site, true);
  let engine: RunningPanelEngine | undefined;
  try {
    const logger = createLogger("bench.panel-engine", "silent");
    engine = await withTimeout(
      // Steady state from the start: no takeover or reconnect is being measured.
      runPanelEngine(config, { store, storeKind: "redis", logger, oneWriteAfterMs: 0 }),
      15_000,
      "runPanelEngine() to resolve (state loaded, MQTT subscribed)",
    );
    const budget = { site, panel: PANEL, totalKw: budgetKw, sequence: 1, issuedAt: new Date().toISOString() };
    bridge.send(topics.panelBudget(site, PANEL), encodeMessage(MESSAGE_SCHEMAS.panelBudget, budget), true);
    await bridge.until(() => bridge.status?.budgetKw === budgetKw, 10_000, "a status with the bench budget");
    for (let i = 0; i < n; i++) {
      const { topic, body } = startedEvent(site, i);
      bridge.send(topic, body);
    }
    await bridge.until(() => fullyAllocated(bridge.status, n), 60_000, `${n} sessions at ${CHARGER_KW} kW`);
    await barrier(bridge, site, 0);

    const stages: number[][] = [];
    const roundTrips: number[] = [];
    const slow: { ms: number; gcMs: number }[] = [];
    const gc = new GcWatch();
    gc.start();
    const seenBefore = bridge.commandsSeen;
    const samples = await measure(bridge, site, n, {
      ...options,
      beforeSend: () => store.reset(),
      settle: (i) => barrier(bridge, site, i),
      onSample: (kind, t0, at) => {
        const ms = Number(at - t0) / 1e6;
        if (ms > SLOW_MS) slow.push({ ms, gcMs: gc.pausedMs(t0, at) });
        const split = kind === "decrease" ? stagesOf(store.marks, t0, at) : undefined;
        if (split === undefined) return;
        stages.push(split.stages);
        roundTrips.push(split.roundTrips);
      },
    });
    gc.stop();
    const commandsPerEvent = (bridge.commandsSeen - seenBefore) / (2 * (options.samples + options.warmup));
    return {
      samples,
      stages,
      roundTrips,
      gcPauses: gc.pauses.map((p) => p.duration),
      slow,
      commandsPerEvent,
    };
  } finally {
    await engine?.stop();
    await bridge.close([topics.panelBudget(site, PANEL), topics.panelStatus(site, PANEL)]);
    await dropMqttSession(
      urls.mqtt,
      mqttOptions(config.mqtt, `sce-${config.site}-${config.panel}-${config.instanceId}`).clientId,
    );
    const deleted = await deleteKeys(redis, site, PANEL);
    await redis.quit();
    console.error(`  cleaned up ${site}: ${deleted} Redis keys deleted, retained topics cleared`);
  }
}
