import { topics } from "@smart-charge/contracts";
import { mqttBrokerForTests, redisForTests, type TestBroker, type TestRedis } from "@smart-charge/test-infra";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import type { PanelEngineConfig } from "./config/config-schema.js";
import type { RunningPanelEngine } from "./run-panel-engine.js";
import { RedisSessionStore } from "./state/redis-session-store.js";
import {
  asChargerSees,
  BridgeSimulator,
  commandLimitW,
  isFailSafe,
} from "./test-support/bridge-simulator.js";
import { commandOf, statusOf } from "./test-support/contract-messages.js";
import { startEngine, stoppedOnCleanup, testPanelConfig } from "./test-support/panel-harness.js";
import type { RecordedMessage } from "@smart-charge/test-infra";

type EngineOptions = Parameters<typeof startEngine>[2];
const command = commandOf;
const status = statusOf;
/** A charger's TxProfile commands (not its one-off fail-safe), optionally at one limit. */
const forCharger = (chargerId: string, limitW?: number) => (m: RecordedMessage) =>
  command(m).chargerId === chargerId &&
  !isFailSafe(command(m)) &&
  (limitW === undefined || commandLimitW(command(m)) === limitW);

describe.each(["mosquitto", "aedes"] as const)("panel-engine over %s and Redis", (brokerKind) => {
  let broker: TestBroker;
  let redisService: TestRedis;

  beforeAll(async () => {
    [broker, redisService] = await Promise.all([mqttBrokerForTests(brokerKind), redisForTests()]);
  });
  afterAll(async () => {
    await broker.stop();
    await redisService.stop();
  });

  async function panel(overrides: Parameters<typeof testPanelConfig>[1] = {}, options: EngineOptions = {}) {
    const config = testPanelConfig(broker.url, overrides);
    const bridge = await BridgeSimulator.start(broker.url, config.site);
    onTestFinished(() => bridge.close([config.panel]));
    const engine = await launch(config, options);
    return { config, bridge, engine };
  }

  async function launch(config: PanelEngineConfig, options: EngineOptions = {}): Promise<RunningPanelEngine> {
    const redis = new Redis(redisService.url, { maxRetriesPerRequest: null });
    const running = await startEngine(
      config,
      new RedisSessionStore({ redis, site: config.site, panel: config.panel }),
      options,
    );
    return stoppedOnCleanup(running, () => redis.disconnect());
  }

  test("a session's life: budget, start, share, stop and clear", async () => {
    const { config, bridge } = await panel();
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.commands.waitFor(forCharger("CP-1", asChargerSees(22_000)), {
      description: "CP-1 at its 22 kW cap (31.8 A)",
    });
    await bridge.started("CP-2", "tx-2");
    await bridge.commands.waitFor(forCharger("CP-2"), { description: "a first profile for CP-2" });
    const shared = await bridge.statuses.waitFor(
      (m) => status(m).sessions.length === 2 && status(m).allocatedKw > 29,
    );
    expect(status(shared).sessions.map((s) => s.allocatedKw)).toEqual([15, 15]);
    expect(bridge.peakInForceW).toBeLessThanOrEqual(30_000);

    await bridge.stopped("CP-1", "tx-1");
    await bridge.commands.waitFor(
      (m) => command(m).chargerId === "CP-1" && command(m).action === "ClearChargingProfile",
    );
    await bridge.commands.waitFor(forCharger("CP-2", asChargerSees(22_000)), {
      description: "CP-2 raised to its cap",
    });
  });

  test("reduce before raise: a new car gets power only after the others confirmed their decrease", async () => {
    const { config, bridge } = await panel();
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.commands.waitFor(forCharger("CP-1", asChargerSees(22_000)));
    bridge.autoAnswer = false;
    await bridge.started("CP-2", "tx-2");
    const decrease = await bridge.commands.waitForCount(2, forCharger("CP-1"), {
      description: "CP-1 lowered",
    });
    expect(commandLimitW(command(decrease[1] as RecordedMessage))).toBeLessThan(asChargerSees(22_000));
    expect(bridge.commands.messages.filter(forCharger("CP-2"))).toEqual([]);
    await bridge.answerAll("Accepted");
    await bridge.commands.waitFor(forCharger("CP-2"), { description: "CP-2 once CP-1 confirmed" });
    await bridge.answerAll("Accepted");
    expect(bridge.peakInForceW).toBeLessThanOrEqual(30_000);
  });

  test("a lowered budget is reported applied only once the chargers confirmed their decrease", async () => {
    const { config, bridge } = await panel();
    await bridge.budget(config.panel, 40, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.commands.waitFor(forCharger("CP-1", asChargerSees(22_000)));
    await bridge.statuses.waitFor((m) => status(m).appliedBudgetSequence === 1);
    bridge.autoAnswer = false;
    await bridge.budget(config.panel, 10, 2);
    await bridge.commands.waitFor(forCharger("CP-1", asChargerSees(10_000)), { description: "CP-1 lowered" });
    const meanwhile = await bridge.statuses.waitFor((m) => status(m).budgetKw === 10);
    expect(status(meanwhile).appliedBudgetSequence).toBe(1);
    await bridge.answerAll("Accepted");
    await bridge.statuses.waitFor((m) => status(m).appliedBudgetSequence === 2, {
      description: "budget 2 applied after the confirmation",
    });
  });

  test("an operator's strategy change is answered and survives a restart", async () => {
    const { config, bridge, engine } = await panel();
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.statuses.waitFor((m) => status(m).sessions.length === 1);
    await bridge.send("setPanelStrategy", topics.setPanelStrategy(config.site, config.panel), {
      requestId: "req-1",
      panel: config.panel,
      strategy: "PRIORITY",
    });
    await bridge.statuses.waitFor((m) => status(m).strategy === "PRIORITY");
    await engine.stop();
    bridge.statuses.clear();
    await launch(config);
    await bridge.started("CP-2", "tx-2");
    const after = await bridge.statuses.waitFor((m) => status(m).sessions.length === 2);
    expect(status(after).strategy).toBe("PRIORITY");
  });

  test("before any budget it runs at the safe default, never the breaker rating", async () => {
    const { bridge } = await panel();
    await bridge.started("CP-1", "tx-1");
    const first = await bridge.commands.waitFor(forCharger("CP-1"));
    expect(commandLimitW(command(first))).toBeLessThanOrEqual(11_000);
  });

  test("a restarted engine loads its sessions from Redis and republishes their profiles", async () => {
    const { config, bridge, engine } = await panel();
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.started("CP-2", "tx-2");
    await bridge.statuses.waitFor((m) => status(m).sessions.length === 2 && status(m).allocatedKw > 29);
    await engine.stop();
    bridge.commands.clear();
    await launch(config);
    const republished = await bridge.commands.waitForCount(
      2,
      (m) => command(m).action === "SetChargingProfile" && !isFailSafe(command(m)),
    );
    expect(republished.map((m) => commandLimitW(command(m))).sort()).toEqual([
      asChargerSees(15_000),
      asChargerSees(15_000),
    ]);
  });

  test("an update delivered twice is applied once, also when it costs a single Redis write", async () => {
    const { config, bridge, engine } = await panel({}, { oneWriteAfterMs: 0 });
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.commands.waitFor(forCharger("CP-1", asChargerSees(22_000)));
    const events = topics.sessionEvent(config.site, "CP-1");
    const capAt = (kw: number) =>
      JSON.stringify({
        type: "updated",
        chargerId: "CP-1",
        transactionId: "tx-1",
        connectorId: 1,
        ocppVersion: "1.6",
        at: new Date().toISOString(),
        maxEvAcceptancePowerKw: kw,
      });
    const to11 = capAt(11);
    await bridge.sendRaw(events, to11);
    await bridge.commands.waitFor(forCharger("CP-1", asChargerSees(11_000)));
    await bridge.sendRaw(events, capAt(7));
    await bridge.commands.waitFor(forCharger("CP-1", asChargerSees(7_000)));
    const seen = bridge.commands.messages.length;

    await bridge.sendRaw(events, to11); // the same bytes again, as a broker redelivers them
    await bridge.sendRaw(events, capAt(5));
    await bridge.commands.waitFor(forCharger("CP-1", asChargerSees(5_000)));
    const after = bridge.commands.messages.slice(seen);
    expect(after.filter(forCharger("CP-1", asChargerSees(11_000)))).toEqual([]);
    const metrics = await (await fetch(`http://127.0.0.1:${engine.httpPort}/metrics`)).text();
    expect(metrics).toMatch(/sce_panel_resyncs_total\{[^}]*trigger="one-write-refused"[^}]*\} 1/);
  });

  test("bad messages are reported with the offending field and change nothing", async () => {
    const { config, bridge } = await panel();
    await bridge.budget(config.panel, 30, 1);
    await bridge.started("CP-1", "tx-1");
    await bridge.statuses.waitFor((m) => status(m).sessions.length === 1);
    const events = topics.sessionEvent(config.site, "CP-1");
    const cases: [string, () => Promise<void>, string][] = [
      ["malformed JSON", () => bridge.sendRaw(events, "{not json"), "(json)"],
      [
        "negative power",
        () =>
          bridge.sendRaw(
            events,
            JSON.stringify({
              type: "started",
              chargerId: "CP-1",
              transactionId: "tx-9",
              connectorId: 1,
              ocppVersion: "1.6",
              at: new Date().toISOString(),
              maxHardwarePowerKw: -5,
            }),
          ),
        "maxHardwarePowerKw",
      ],
      [
        "update of an unknown session",
        () =>
          bridge.send("sessionEvent", events, {
            type: "updated",
            chargerId: "CP-1",
            transactionId: "nope",
            connectorId: 1,
            ocppVersion: "1.6",
            at: new Date().toISOString(),
            priority: 2,
          }),
        "transactionId",
      ],
      ["budget above the breaker", () => bridge.budget(config.panel, 80, 2), "totalKw"],
      [
        "charger id that disagrees with the topic",
        () =>
          bridge.sendRaw(
            events,
            JSON.stringify({
              type: "stopped",
              chargerId: "CP-2",
              transactionId: "tx-1",
              connectorId: 1,
              ocppVersion: "1.6",
              at: new Date().toISOString(),
            }),
          ),
        "chargerId",
      ],
    ];
    for (const [index, [what, send, field]] of cases.entries()) {
      await send();
      const reports = await bridge.errors.waitForCount(index + 1, () => true, { description: what });
      expect((reports[index]?.json() as { error: { field: string } }).error.field, what).toBe(field);
    }
    await bridge.started("CP-2", "tx-2");
    const after = await bridge.statuses.waitFor((m) => status(m).sessions.length === 2);
    expect(status(after).budgetKw).toBe(30);
  });
});
