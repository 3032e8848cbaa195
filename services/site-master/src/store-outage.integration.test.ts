import { topics } from "@smart-charge/contracts";
import {
  disposeOwnService,
  mqttBrokerForTests,
  startOwnRedis,
  type OwnService,
  type TestBroker,
} from "@smart-charge/test-infra";
import { createLogger } from "@smart-charge/service-kit";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import type { SiteConfig } from "@smart-charge/site-config";
import { budgetOf, FakePanels, forPanel, resultOf } from "./test-support/fake-panels.js";
import { GROUPS, PANELS, startSiteMaster, testSite } from "./test-support/site-harness.js";

/** A logger that also resolves `stored` when it logs `event`. */
function loggerUntil(event: string) {
  let resolve: () => void = () => undefined;
  const stored = new Promise<void>((r) => (resolve = r));
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if ((JSON.parse(chunk.toString()) as { event?: string }).event === event) resolve();
      done();
    },
  });
  return { logger: createLogger("test.site-master", "info", destination), stored };
}

// A Redis of the test's own: it is stopped and started again here, which the machine's must not be.
describe("site-master while Redis is away", () => {
  let broker: TestBroker;
  let redis: OwnService;

  beforeAll(async () => {
    [broker, redis] = await Promise.all([mqttBrokerForTests("mosquitto"), startOwnRedis()]);
  });
  afterAll(async () => {
    await broker.stop();
    await disposeOwnService(redis);
  });

  /** Fake engines that confirm every budget; panel-a would draw 60 kW, the others nothing. */
  async function panelsWhereOnlyPanelADraws(config: SiteConfig): Promise<FakePanels> {
    const panels = await FakePanels.start(broker.url, config.site, GROUPS);
    onTestFinished(() => panels.close(PANELS));
    for (const panel of PANELS) {
      panels.confirming.add(panel);
      await panels.report(panel, { demandKw: panel === "panel-a" ? 60 : 0, heldBack: true });
    }
    return panels;
  }

  test("a lower grid limit is applied at once, answered 'not stored', and stored once Redis is back", async () => {
    const config = testSite(broker.url);
    const panels = await panelsWhereOnlyPanelADraws(config);
    const { logger, stored } = loggerUntil("operator-settings-stored");
    let master = await startSiteMaster(config, redis.url, logger);
    onTestFinished(() => master.stop());
    await panels.budgets.waitFor(forPanel("panel-a", (b) => b.totalKw === 60));

    await redis.stop("SIGKILL");
    await panels.send("setGridLimit", topics.setGridLimit(config.site), { requestId: "cut-1", limitKw: 40 });
    const answer = await panels.results.waitFor((m) => resultOf(m).requestId === "cut-1");
    expect(resultOf(answer)).toMatchObject({ ok: true, applied: { limitKw: 40, stored: false } });
    await panels.budgets.waitFor(
      forPanel("panel-a", (b) => b.totalKw === 40),
      { description: "panel-a lowered to the new limit without Redis" },
    );

    // Redis comes back (empty-handed for what it never got); the setting is written on a later round, so
    // a restarted site-master keeps it.
    await redis.start();
    await stored;
    await master.stop();
    panels.budgets.clear();
    master = await startSiteMaster(config, redis.url);
    const after = await panels.budgets.waitFor(forPanel("panel-a", () => true));
    expect(budgetOf(after).totalKw).toBe(40);
  });

  test("a Redis that hangs without closing the connection holds nothing up for long", async () => {
    const config = testSite(broker.url);
    const panels = await panelsWhereOnlyPanelADraws(config);
    const master = await startSiteMaster(config, redis.url);
    onTestFinished(() => master.stop());
    await panels.budgets.waitFor(forPanel("panel-a", (b) => b.totalKw === 60));

    redis.pause();
    onTestFinished(async () => redis.resume());
    await panels.send("setGridLimit", topics.setGridLimit(config.site), { requestId: "cut-2", limitKw: 40 });
    // Nothing waits for the hung write: the budgets go out at once, the answer after half a second.
    const answer = await panels.results.waitFor((m) => resultOf(m).requestId === "cut-2", {
      timeoutMs: 8_000,
    });
    expect(resultOf(answer)).toMatchObject({ ok: true, applied: { limitKw: 40, stored: false } });
    await panels.budgets.waitFor(
      forPanel("panel-a", (b) => b.totalKw === 40),
      { timeoutMs: 8_000, description: "panel-a lowered while Redis hangs" },
    );
  });
});
