import { decodeTopicMessage, topicPattern, type PanelStatus } from "@smart-charge/contracts";
import { createLogger } from "@smart-charge/service-kit";
import { loadSiteConfigFile } from "@smart-charge/site-config";
import { connectClient, endClient, recordMessages, redisForTests, uniqueId } from "@smart-charge/test-infra";
import { Redis } from "ioredis";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { startAllInOne, type AllInOne } from "./start-all-in-one.js";

const site = loadSiteConfigFile(fileURLToPath(new URL("../site.json", import.meta.url)), {});
const usable = site.grid.kw * (1 - site.safetyMarginPct / 100);
let running: AllInOne | undefined;
afterEach(async () => running?.stop());

describe("the all-in-one site", () => {
  it("runs every panel on the embedded broker and keeps the site within its grid limit", async () => {
    running = await startAllInOne({
      site,
      mqttPort: 0,
      redisUrl: undefined,
      logger: createLogger("test.all-in-one", process.env["LOG_LEVEL"] ?? "silent"),
      seed: 11,
      tickMs: 50,
      arrivalChance: 0.5,
      stayMs: [60_000, 120_000],
      minDwellMs: 0,
    });
    expect(running.storeKind).toBe("memory");
    expect(running.mqttUrl).not.toContain(":1883");

    const observer = await connectClient(running.mqttUrl);
    try {
      const statuses = await recordMessages(observer, topicPattern("panelStatus", { site: site.site }));
      const latest = new Map<string, PanelStatus>();
      const busy = await statuses.waitFor(
        (m) => {
          const decoded = decodeTopicMessage(m.topic, m.payload);
          if (!decoded.ok || decoded.value.kind !== "panelStatus") return false;
          const status = decoded.value.message;
          latest.set(status.panel, status);
          expect(status.allocatedKw).toBeLessThanOrEqual((status.budgetKw ?? 0) + 1e-9);
          const siteAllocated = [...latest.values()].reduce((sum, s) => sum + s.allocatedKw, 0);
          expect(siteAllocated).toBeLessThanOrEqual(usable + 1e-9);
          return running?.panels.every((p) => (latest.get(p)?.sessions.length ?? 0) > 0) ?? false;
        },
        { description: "a status with sessions from every panel-engine", timeoutMs: 20_000 },
      );
      expect(busy).toBeDefined();
      expect([...latest.keys()].sort()).toEqual([...running.panels].sort());
    } finally {
      await endClient(observer);
    }
  });

  it("keeps its state in Redis when REDIS_URL is given", async () => {
    const redis = await redisForTests();
    const siteId = uniqueId("demo");
    try {
      running = await startAllInOne({
        site: { ...site, site: siteId },
        mqttPort: 0,
        redisUrl: redis.url,
        logger: createLogger("test.all-in-one", process.env["LOG_LEVEL"] ?? "silent"),
        seed: 1,
        tickMs: 1_000,
        arrivalChance: 0,
        stayMs: [1_000, 2_000],
        minDwellMs: 0,
      });
      expect(running.storeKind).toBe("redis");
      // The engines took their leases and epochs in that Redis, under keys naming the site.
      const client = new Redis(redis.url);
      try {
        expect(await client.keys(`*${siteId}*`)).not.toEqual([]);
      } finally {
        client.disconnect();
      }
      await running.stop();
      running = undefined;
    } finally {
      await redis.stop();
    }
  });
});
