import { createLogger } from "@smart-charge/service-kit";
import {
  mqttBrokerForTests,
  redisForTests,
  type RecordedMessage,
  type TestBroker,
  type TestRedis,
} from "@smart-charge/test-infra";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import type { PanelEngineConfig } from "./config/config-schema.js";
import { RedisFailoverStore } from "./failover/redis-failover-store.js";
import { runPanelEngine, type RunningPanelEngine } from "./run-panel-engine.js";
import { RedisSessionStore } from "./state/redis-session-store.js";
import { BridgeSimulator, isFailSafe } from "./test-support/bridge-simulator.js";
import { commandOf, statusOf } from "./test-support/contract-messages.js";
import { stoppedOnCleanup, testPanelConfig } from "./test-support/panel-harness.js";

const command = commandOf;
const status = statusOf;
const txProfile = (m: RecordedMessage) =>
  command(m).action === "SetChargingProfile" && !isFailSafe(command(m));

describe("active and standby panel-engines sharing one Redis", () => {
  let broker: TestBroker;
  let redisService: TestRedis;

  beforeAll(async () => {
    [broker, redisService] = await Promise.all([mqttBrokerForTests("mosquitto"), redisForTests()]);
  });
  afterAll(async () => {
    await broker.stop();
    await redisService.stop();
  });

  /** One engine of the pair, with its own instanceId and Redis connection, as a second process has. */
  async function launch(config: PanelEngineConfig, instanceId: string): Promise<RunningPanelEngine> {
    const redis = new Redis(redisService.url, { maxRetriesPerRequest: null });
    const { site, panel } = config;
    const running = await runPanelEngine(
      { ...config, instanceId },
      {
        store: new RedisSessionStore({ redis, site, panel }),
        failover: new RedisFailoverStore({ redis, site, panel }),
        storeKind: "redis",
        logger: createLogger(`test.${instanceId}`, process.env["LOG_LEVEL"] ?? "silent"),
      },
    );
    return stoppedOnCleanup(running, () => redis.disconnect());
  }

  async function pair() {
    const config = testPanelConfig(broker.url, {
      timing: { recomputeIntervalMs: 600_000, raiseHoldMs: 60_000 },
    });
    const bridge = await BridgeSimulator.start(broker.url, config.site);
    onTestFinished(() => bridge.close([config.panel]));
    const active = await launch(config, "engine-a");
    const standby = await launch(config, "engine-b");
    return { config, bridge, active, standby };
  }

  const published = async (engine: RunningPanelEngine) => {
    const metric = await fetch(`http://127.0.0.1:${engine.httpPort}/metrics`).then((r) => r.text());
    return [...metric.matchAll(/^sce_panel_commands_published_total\{.*\} (\d+)$/gm)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
  };

  test("one leads, the standby publishes nothing and says so on /readyz", async () => {
    const { config, bridge, active, standby } = await pair();
    expect([active.engine.role, standby.engine.role]).toEqual(["leader", "standby"]);
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.started("CP-2", "tx-2");
    const shared = await bridge.statuses.waitFor((m) => status(m).sessions.length === 2);
    expect(status(shared).leader?.instanceId).toBe("engine-a");
    const epochs = new Set(bridge.commands.messages.map((m) => command(m).epoch));
    expect([...epochs]).toEqual([status(shared).leader?.epoch]);
    expect(await published(standby)).toBe(0);
    const ready = await fetch(`http://127.0.0.1:${standby.httpPort}/readyz`).then((r) => r.json());
    expect(ready).toEqual({ ready: true, role: "standby" });
  });

  test("the standby takes over when the leader stops: higher epoch, every profile republished, status names it", async () => {
    const { config, bridge, active, standby } = await pair();
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.started("CP-2", "tx-2");
    const before = await bridge.statuses.waitFor(
      (m) => status(m).sessions.length === 2 && status(m).allocatedKw > 29,
    );
    const oldEpoch = status(before).leader?.epoch ?? Infinity;
    await active.stop();
    const republished = await bridge.commands.waitForCount(
      2,
      (m) => txProfile(m) && command(m).epoch > oldEpoch,
      {
        description: "both chargers' profiles from the new leader",
      },
    );
    expect(republished.map((m) => command(m).chargerId).sort()).toEqual(["CP-1", "CP-2"]);
    const after = await bridge.statuses.waitFor((m) => status(m).leader?.instanceId === "engine-b");
    expect(status(after).leader?.epoch).toBeGreaterThan(oldEpoch);
    expect(status(after).sessions).toHaveLength(2);
    expect(standby.engine.role).toBe("leader");
  });

  /** A pair with one session on CP-1 whose leader has just stopped. */
  async function leaderGoneWithOneSession() {
    const { config, bridge, active } = await pair();
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.statuses.waitFor((m) => status(m).sessions.length === 1);
    await active.stop();
    return { bridge };
  }

  test("an event the standby heard while the leader was gone is handled once it takes over", async () => {
    const { bridge } = await leaderGoneWithOneSession();
    await bridge.started("CP-2", "tx-2");
    const after = await bridge.statuses.waitFor((m) => status(m).sessions.length === 2, {
      description: "tx-2 handled by the new leader",
    });
    expect(status(after).leader?.instanceId).toBe("engine-b");
  });

  test("each charger gets its fail-safe once: not again after a takeover, but a new charger does", async () => {
    const { bridge } = await leaderGoneWithOneSession();
    await bridge.started("CP-2", "tx-2");
    await bridge.stopped("CP-1", "tx-1");
    await bridge.started("CP-1", "tx-3");
    await bridge.statuses.waitFor(
      (m) => status(m).sessions.length === 2 && status(m).leader?.instanceId === "engine-b",
    );
    const failSafes = bridge.commands.messages.filter((m) => isFailSafe(command(m))).map((m) => command(m));
    expect(failSafes.map((c) => c.chargerId)).toEqual(["CP-1", "CP-2"]);
    expect(failSafes.every((c) => c.connectorId === 0)).toBe(true);
  });
});
