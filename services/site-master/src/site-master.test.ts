import { encodeMessage, MESSAGE_SCHEMAS, topics } from "@smart-charge/contracts";
import { connectNow, createLogger, createMqttClient } from "@smart-charge/service-kit";
import { mqttBrokerForTests } from "@smart-charge/test-infra";
import type { IPublishPacket, MqttClient } from "mqtt";
import { expect, onTestFinished, test } from "vitest";
import { SiteMetrics } from "./ops/metrics.js";
import { SiteMaster } from "./site-master.js";
import { InMemorySiteStore } from "./state/in-memory-site-store.js";
import { statusOf } from "./test-support/site-fixtures.js";
import { PANELS, testSite } from "./test-support/site-harness.js";

async function divisions(metrics: SiteMetrics): Promise<number> {
  const { values } = await metrics.divisionSeconds.get();
  return values.find((v) => v.metricName === "sce_site_division_seconds_count")?.value ?? 0;
}

/** Hands a message to the site-master as mqtt.js does when it arrives; resolves once acknowledged. */
function deliver(client: MqttClient, packet: IPublishPacket): Promise<void> {
  return new Promise((resolve, reject) =>
    client.handleMessage(packet, (error) => (error ? reject(error) : resolve())),
  );
}

test("statuses that arrive together lead to one division, not one each", async () => {
  const broker = await mqttBrokerForTests("aedes");
  onTestFinished(() => broker.stop());
  // Long intervals: no timer round may fall between the statuses and the check.
  const config = testSite(broker.url, {
    timing: { startupSettleMs: 0, raiseHoldMs: 600_000, panelSilentAfterMs: 600_000, budgetTtlMs: 900_000 },
  });
  const mqtt = createMqttClient(config.mqtt, `${config.site}-site-master`);
  onTestFinished(() => mqtt.endAsync());
  await connectNow(mqtt);
  const metrics = new SiteMetrics();
  const master = new SiteMaster({
    config,
    store: new InMemorySiteStore(),
    mqtt,
    logger: createLogger("test.site-master", "silent"),
    metrics,
  });
  await master.start();
  onTestFinished(() => master.stop());
  const before = await divisions(metrics);

  // Every panel reports in the same moment, as after a budget change.
  await Promise.all(
    PANELS.map((panel) =>
      deliver(mqtt, {
        cmd: "publish",
        topic: topics.panelStatus(config.site, panel),
        payload: encodeMessage(
          MESSAGE_SCHEMAS.panelStatus,
          statusOf(config.site, panel, { demandKw: 10, publishedAt: Date.now() }),
        ),
        qos: 1,
        dup: false,
        retain: false,
      }),
    ),
  );
  await master.whenIdle();

  expect(await divisions(metrics)).toBe(before + 1);
});
