import { decodeMessage, MESSAGE_SCHEMAS } from "@smart-charge/contracts";
import {
  mqttBrokerForTests,
  redisForTests,
  type RecordedMessage,
  type TestBroker,
  type TestRedis,
} from "@smart-charge/test-infra";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BridgeSimulator, isFailSafe } from "./test-support/bridge-simulator.js";
import { EngineProcess } from "./test-support/engine-process.js";
import { testPanelConfig } from "./test-support/panel-harness.js";
import { statusOf } from "./test-support/contract-messages.js";

const status = statusOf;
const isSet = (m: RecordedMessage) => {
  const d = decodeMessage(MESSAGE_SCHEMAS.profileCommand, m.payload);
  return d.ok && d.value.action === "SetChargingProfile" && !isFailSafe(d.value);
};

describe("the panel-engine process", () => {
  let broker: TestBroker;
  let redis: TestRedis;
  beforeAll(async () => {
    [broker, redis] = await Promise.all([mqttBrokerForTests("mosquitto"), redisForTests()]);
  });
  afterAll(async () => {
    await broker.stop();
    await redis.stop();
  });

  test("serves health, readiness and metrics, and exits 0 on SIGTERM", async () => {
    const config = testPanelConfig(broker.url, { redis: { url: redis.url } });
    const engine = EngineProcess.start(config);
    const started = await engine.waitForLog("started");
    const base = `http://127.0.0.1:${String(started["httpPort"])}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain("sce_panel_sessions 0");
    engine.child.kill("SIGTERM");
    expect(await engine.exited).toEqual({ code: 0, signal: null });
    expect(engine.logs.map((l) => l["event"])).toContain("stopped");
  });

  test("kill -9 loses nothing: the next process carries on with every session from Redis", async () => {
    const config = testPanelConfig(broker.url, { redis: { url: redis.url } });
    const bridge = await BridgeSimulator.start(broker.url, config.site);
    try {
      const first = EngineProcess.start(config);
      await first.waitForLog("started");
      await bridge.budget(config.panel, 30, 1);
      await bridge.started("CP-1", "tx-1");
      await bridge.started("CP-2", "tx-2");
      await bridge.statuses.waitFor((m) => status(m).sessions.length === 2);
      first.child.kill("SIGKILL");
      await first.exited;

      // Events that arrive while no engine runs wait at the broker (persistent session).
      await bridge.started("CP-3", "tx-3", { phases: 1, panelPhases: ["L2"] });
      bridge.commands.clear();
      const second = EngineProcess.start(config);
      await second.waitForLog("started");
      const after = await bridge.statuses.waitFor((m) => status(m).sessions.length === 3);
      expect(
        status(after)
          .sessions.map((s) => s.transactionId)
          .sort(),
      ).toEqual(["tx-1", "tx-2", "tx-3"]);
      await bridge.commands.waitForCount(3, isSet, {
        description: "a profile for each of the three chargers",
      });
      second.child.kill("SIGTERM");
      expect((await second.exited).code, JSON.stringify(second.logs.map((l) => l["event"]))).toBe(0);
    } finally {
      await bridge.close([config.panel]);
    }
  });
});
