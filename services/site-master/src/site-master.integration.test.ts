import { topics } from "@smart-charge/contracts";
import {
  connectClient,
  endClient,
  mqttBrokerForTests,
  recordMessages,
  redisForTests,
  type RecordedMessage,
  type TestBroker,
  type TestRedis,
} from "@smart-charge/test-infra";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import type { SiteConfig, SiteConfigInput } from "@smart-charge/site-config";
import type { RunningSiteMaster } from "./run-site-master.js";
import { budgetOf, FakePanels, forPanel, resultOf, type Demand } from "./test-support/fake-panels.js";
import { GROUPS, PANELS, startSiteMaster, testSite } from "./test-support/site-harness.js";

describe.each(["mosquitto", "aedes"] as const)("site-master over %s and Redis", (brokerKind) => {
  let broker: TestBroker;
  let redis: TestRedis;

  beforeAll(async () => {
    [broker, redis] = await Promise.all([mqttBrokerForTests(brokerKind), redisForTests()]);
  });
  afterAll(async () => {
    await broker.stop();
    await redis.stop();
  });

  /** Fake panel-engines that report `demand` and confirm every budget, then a site-master. */
  async function site(demand: Record<string, Demand>, overrides: Partial<SiteConfigInput> = {}) {
    const config = testSite(broker.url, overrides);
    const panels = await FakePanels.start(broker.url, config.site, GROUPS);
    onTestFinished(() => panels.close(PANELS));
    for (const [panel, d] of Object.entries(demand)) {
      panels.confirming.add(panel);
      await panels.report(panel, d);
    }
    const master = await launch(config);
    return { config, panels, master };
  }

  async function launch(config: SiteConfig): Promise<RunningSiteMaster> {
    const running = await startSiteMaster(config, redis.url);
    let stopped = false;
    onTestFinished(async () => {
      if (!stopped) await running.stop();
    });
    return {
      ...running,
      stop: async () => {
        stopped = true;
        await running.stop();
      },
    };
  }

  const idle: Record<string, Demand> = {
    "panel-a": { demandKw: 0 },
    "panel-b": { demandKw: 0 },
    b1: { demandKw: 0 },
    b2: { demandKw: 0 },
  };

  test("divides by demand and follows demand as it shifts between panels", async () => {
    const { panels } = await site({ ...idle, "panel-a": { demandKw: 50 }, b1: { demandKw: 30 } });
    await panels.budgets.waitFor(
      forPanel("panel-a", (b) => b.totalKw === 50),
      { description: "panel-a at its 50 kW demand" },
    );
    await panels.budgets.waitFor(
      forPanel("b1", (b) => b.totalKw === 30),
      { description: "b1 at its 30 kW demand" },
    );

    // Cars leave panel-a; more cars arrive at b1 and would draw 50 kW: its 40 kW breaker binds.
    await panels.report("panel-a", { demandKw: 10 });
    await panels.report("b1", { demandKw: 50, heldBack: true });
    await panels.budgets.waitFor(
      forPanel("b1", (b) => b.totalKw === 40),
      { description: "b1 at its breaker" },
    );
    await panels.budgets.waitFor(forPanel("panel-a", (b) => b.totalKw === 10));
    expect(panels.peakInForceKw).toBeLessThanOrEqual(100);
    expect(panels.peakInForceOf.get("panel-b")).toBeLessThanOrEqual(60);
  });

  test("reduce before raise: the lowered panel confirms before another is raised", async () => {
    const { panels } = await site(
      { ...idle, "panel-a": { demandKw: 80, heldBack: true } },
      {
        grid: { kw: 90 },
      },
    );
    await panels.budgets.waitFor(forPanel("panel-a", (b) => b.totalKw === 60));
    panels.confirming.delete("panel-a"); // panel-a's chargers are slow to confirm
    panels.budgets.clear();
    await panels.report("b1", { demandKw: 40, heldBack: true });
    const lowered = await panels.budgets.waitFor(
      forPanel("panel-a", (b) => b.totalKw === 50),
      {
        description: "panel-a lowered to make room",
      },
    );
    // Not raised while panel-a may still draw 60 kW: 60 + 40 > 90. Another round proves it is held.
    await panels.report("b2", { demandKw: 0 });
    await panels.budgets.waitForNext(forPanel("b2"), { description: "the next periodic republish" });
    expect(panels.budgets.messages.filter(forPanel("b1", (b) => b.totalKw > 5))).toEqual([]);

    await panels.confirm("panel-a");
    const raised = await panels.budgets.waitFor(
      forPanel("b1", (b) => b.totalKw === 40),
      { description: "b1 raised" },
    );
    expect(panels.budgets.messages.indexOf(raised)).toBeGreaterThan(panels.budgets.messages.indexOf(lowered));
    expect(budgetOf(raised).sequence).toBeGreaterThan(budgetOf(lowered).sequence);
    expect(panels.peakInForceKw).toBeLessThanOrEqual(90);
  });

  test("operator commands: clamped, refused naming the field, answered, and kept across a restart", async () => {
    const { config, panels, master } = await site({
      ...idle,
      "panel-a": { demandKw: 60, heldBack: true },
      b1: { demandKw: 40, heldBack: true },
    });
    await panels.budgets.waitFor(forPanel("b1", (b) => b.totalKw === 40));
    const ops = await connectClient(broker.url);
    onTestFinished(() => endClient(ops));
    const replies = await recordMessages(ops, "ops/console-1/replies");

    await panels.send("setGridLimit", topics.setGridLimit(config.site), { requestId: "op-1", limitKw: 300 });
    const clamped = await panels.results.waitFor((m) => resultOf(m).requestId === "op-1");
    expect(resultOf(clamped)).toMatchObject({ ok: true, applied: { limitKw: 100, clamped: ["limitKw"] } });

    await panels.send("setGridLimit", topics.setGridLimit(config.site), {
      requestId: "op-2",
      limitKw: 70,
      replyTo: "ops/console-1/replies",
    });
    expect(resultOf(await replies.waitFor())).toMatchObject({
      requestId: "op-2",
      ok: true,
      applied: { limitKw: 70 },
    });
    await panels.budgets.waitFor(
      forPanel("panel-a", (b) => b.totalKw === 35),
      { description: "panel-a's half of 70 kW" },
    );

    await panels.send("setPanelBudgetCap", topics.setPanelBudgetCap(config.site, "b1"), {
      requestId: "op-3",
      panel: "b1",
      capKw: 20,
    });
    expect(resultOf(await panels.results.waitFor((m) => resultOf(m).requestId === "op-3"))).toMatchObject({
      ok: true,
      applied: { panel: "b1", capKw: 20 },
    });
    await panels.budgets.waitFor(forPanel("b1", (b) => b.totalKw === 20));
    await panels.budgets.waitFor(forPanel("panel-a", (b) => b.totalKw === 50));

    // Refused: unknown panel, a negative limit. Each names the field and changes nothing.
    await panels.send("setPanelBudgetCap", topics.setPanelBudgetCap(config.site, "panel-z"), {
      requestId: "op-4",
      panel: "panel-z",
      capKw: 1,
    });
    expect(resultOf(await panels.results.waitFor((m) => resultOf(m).requestId === "op-4"))).toMatchObject({
      ok: false,
      error: { field: "panel" },
    });
    await ops.publishAsync(
      topics.setGridLimit(config.site),
      JSON.stringify({ requestId: "op-5", limitKw: -5 }),
      { qos: 1 },
    );
    expect(resultOf(await panels.results.waitFor((m) => resultOf(m).requestId === "op-5"))).toMatchObject({
      ok: false,
      error: { field: "limitKw" },
    });
    await panels.errors.waitFor((m) => (m.json() as { error: { field: string } }).error.field === "limitKw");

    // A restart keeps the operator's settings (from Redis) and keeps sequences rising.
    const before = budgetOf(
      panels.budgets.messages.filter(forPanel("panel-a")).at(-1) as RecordedMessage,
    ).sequence;
    await master.stop();
    panels.budgets.clear();
    await launch(config);
    const after = await panels.budgets.waitFor(forPanel("panel-a"));
    expect(budgetOf(after).sequence).toBeGreaterThan(before);
    expect(budgetOf(after).totalKw).toBe(50);
    expect(budgetOf(await panels.budgets.waitFor(forPanel("b1")))).toMatchObject({ totalKw: 20 });
    expect(panels.peakInForceKw).toBeLessThanOrEqual(100);
  });

  test.runIf(brokerKind === "mosquitto")(
    "over MQTT 5, answers on the response topic with the correlation data",
    async () => {
      const { config, panels } = await site(
        { ...idle, "panel-a": { demandKw: 60, heldBack: true } },
        { mqtt: { url: broker.url, protocolVersion: 5 } },
      );
      await panels.budgets.waitFor(forPanel("panel-a", (b) => b.totalKw === 60));
      const ops = await connectClient(broker.url, { protocolVersion: 5 });
      onTestFinished(() => endClient(ops));
      const correlation: string[] = [];
      ops.on("message", (topic, _payload, packet) => {
        if (topic === "ops/console-5/replies")
          correlation.push(packet.properties?.correlationData?.toString() ?? "");
      });
      const replies = await recordMessages(ops, "ops/console-5/replies");
      await ops.publishAsync(
        topics.setSafetyMargin(config.site),
        JSON.stringify({ requestId: "op-51", marginPercent: 50 }),
        {
          qos: 1,
          properties: { responseTopic: "ops/console-5/replies", correlationData: Buffer.from("corr-51") },
        },
      );
      const reply = await replies.waitFor();
      expect(resultOf(reply)).toMatchObject({ requestId: "op-51", ok: true, applied: { marginPercent: 50 } });
      expect(correlation).toEqual(["corr-51"]);
      await panels.budgets.waitFor(
        forPanel("panel-a", (b) => b.totalKw === 50),
        { description: "half the grid kept back" },
      );
    },
  );

  test("a panel that goes silent keeps its budget until panelSilentAfterMs, then gets its conservative budget", async () => {
    const { panels } = await site({
      ...idle,
      "panel-a": { demandKw: 60, heldBack: true },
      b1: { demandKw: 40, heldBack: true },
    });
    await panels.budgets.waitFor(forPanel("panel-a", (b) => b.totalKw === 60));
    const lastHeard = Date.now();
    panels.confirming.delete("panel-a"); // its engine stops answering
    const conservative = await panels.budgets.waitFor(
      forPanel("panel-a", (b) => b.totalKw === 5),
      {
        timeoutMs: 10_000,
        description: "panel-a on its conservative budget",
      },
    );
    expect(Date.parse(budgetOf(conservative).issuedAt)).toBeGreaterThanOrEqual(lastHeard + 2_000 - 600);
    // While it kept its reservation, b1 stayed at 40 (60 + 40 = 100).
    expect(panels.peakInForceKw).toBeLessThanOrEqual(100);
  });

  test("the site meter: load counts at once, a drop only after the hold-down; a silent meter means the fallback", async () => {
    const { config, panels } = await site(
      { ...idle, "panel-a": { demandKw: 60, heldBack: true }, b1: { demandKw: 40, heldBack: true } },
      { meter: { enabled: true, holdDownMs: 1_000, silentAfterMs: 3_000, fallbackKw: 80 } },
    );
    const reading = (kw: number) =>
      panels.send("siteMeter", topics.siteMeter(config.site), {
        site: config.site,
        nonEvLoadKw: kw,
        measuredAt: new Date().toISOString(),
      });
    await panels.budgets.waitFor(
      forPanel("panel-a", (b) => b.totalKw === 10),
      { description: "20 kW left by the fallback" },
    );
    await reading(30);
    await panels.budgets.waitFor(forPanel("panel-a", (b) => b.totalKw === 35));
    const dropAt = Date.now();
    await reading(0);
    const raised = await panels.budgets.waitFor(
      forPanel("panel-a", (b) => b.totalKw === 60),
      { timeoutMs: 5_000 },
    );
    expect(Date.parse(budgetOf(raised).issuedAt) - dropAt).toBeGreaterThanOrEqual(900);
    await panels.budgets.waitForNext(
      forPanel("panel-a", (b) => b.totalKw === 10),
      { timeoutMs: 8_000, description: "meter silent" },
    );
  });
});
