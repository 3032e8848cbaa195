import {
  decodeMessage,
  MESSAGE_SCHEMAS,
  topicPattern,
  topics,
  type PanelStatus,
  type ProfileCommand,
} from "@smart-charge/contracts";
import { InMemoryPanelStateStore, parseConfig, runPanelEngine } from "@smart-charge/panel-engine";
import { createLogger } from "@smart-charge/service-kit";
import {
  mqttBrokerForTests,
  recordMessages,
  redisForTests,
  type RecordedMessage,
  type TestBroker,
  type TestRedis,
} from "@smart-charge/test-infra";
import { afterAll, beforeAll, expect, onTestFinished, test } from "vitest";
import { budgetOf, FakePanels } from "./test-support/fake-panels.js";
import { GROUPS, PANELS, startSiteMaster, testSite } from "./test-support/site-harness.js";

let broker: TestBroker;
let redis: TestRedis;

beforeAll(async () => {
  [broker, redis] = await Promise.all([mqttBrokerForTests("mosquitto"), redisForTests()]);
});
afterAll(async () => {
  await broker.stop();
  await redis.stop();
});

const status = (m: RecordedMessage): PanelStatus => m.json() as PanelStatus;
const command = (m: RecordedMessage): ProfileCommand => {
  const decoded = decodeMessage(MESSAGE_SCHEMAS.profileCommand, m.payload);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
};

test("a real panel-engine takes its budget from the site-master and its demand flows back", async () => {
  const site = testSite(broker.url);
  // The other panels are idle fakes; panel-a is a real panel-engine with two 22 kW chargers.
  const fakes = await FakePanels.start(broker.url, site.site, GROUPS);
  onTestFinished(() => fakes.close(PANELS));
  for (const panel of ["panel-b", "b1", "b2"]) {
    fakes.confirming.add(panel);
    await fakes.report(panel, { demandKw: 0 });
  }
  const engineConfig = parseConfig({
    site: site.site,
    panel: "panel-a",
    chargers: [
      { id: "CP-1", phases: 3, maxHardwarePowerKw: 22 },
      { id: "CP-2", phases: 3, maxHardwarePowerKw: 22 },
    ],
    breaker: { kw: 60 },
    safeDefaultBudget: { kw: 5 },
    minDwellMs: 0,
    mqtt: { url: broker.url },
    http: { host: "127.0.0.1", port: 0 },
    timing: { recomputeIntervalMs: 600_000, profileTtlS: 600, raiseHoldMs: 60_000 },
  });
  const engine = await runPanelEngine(engineConfig, {
    store: new InMemoryPanelStateStore({ site: site.site, panel: "panel-a" }),
    storeKind: "memory",
    logger: createLogger("test.panel-engine", process.env["LOG_LEVEL"] ?? "silent"),
  });
  onTestFinished(() => engine.stop());
  const master = await startSiteMaster(site, redis.url);
  onTestFinished(() => master.stop());

  // The bridge: accepts every profile command.
  const commands = await recordMessages(fakes.client, topicPattern("profileCommand", { site: site.site }));
  fakes.client.on("message", (topic, payload) => {
    if (!topic.endsWith("/commands")) return;
    const c = decodeMessage(MESSAGE_SCHEMAS.profileCommand, payload);
    if (!c.ok) return;
    void fakes.send("commandResult", topics.commandResult(site.site, c.value.chargerId), {
      messageId: c.value.messageId,
      chargerId: c.value.chargerId,
      status: "Accepted",
      at: new Date().toISOString(),
    });
  });
  const statuses = await recordMessages(fakes.client, topics.panelStatus(site.site, "panel-a"));
  const started = (chargerId: string, transactionId: string) =>
    fakes.send("sessionEvent", topics.sessionEvent(site.site, chargerId), {
      type: "started",
      chargerId,
      transactionId,
      connectorId: 1,
      ocppVersion: "1.6",
      minChargeRateKw: 4.2,
      at: new Date().toISOString(),
    });

  await started("CP-1", "tx-1");
  await started("CP-2", "tx-2");
  // Both cars want 22 kW: the site-master hands panel-a its whole 60 kW breaker, then their 44 kW.
  const settled = await statuses.waitFor((m) => status(m).allocatedKw === 44, {
    timeoutMs: 10_000,
    description: "both cars at 22 kW",
  });
  expect(status(settled).sessions.map((s) => s.reason)).toEqual(["hardware-cap", "hardware-cap"]);
  const budget = await fakes.budgets.waitFor(
    (m) => m.payload.length > 0 && budgetOf(m).panel === "panel-a" && budgetOf(m).totalKw === 44,
    {
      description: "panel-a's budget follows its real demand",
    },
  );
  await statuses.waitFor((m) => (status(m).appliedBudgetSequence ?? 0) >= budgetOf(budget).sequence, {
    description: "the engine applied it",
  });
  expect(commands.messages.filter((m) => command(m).chargerId === "CP-1").length).toBeGreaterThan(0);
  expect(fakes.peakInForceKw).toBeLessThanOrEqual(100);
});
