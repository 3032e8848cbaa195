import { createLogger } from "@smart-charge/service-kit";
import { parseSiteConfig, type SiteConfig, type SiteConfigInput } from "@smart-charge/site-config";
import { uniqueId } from "@smart-charge/test-infra";
import type { Logger } from "pino";
import { runSiteMaster, type RunningSiteMaster } from "../run-site-master.js";
import { openSiteStore } from "../state/open-site-store.js";

export const PANELS = ["panel-a", "panel-b", "b1", "b2"] as const;
/** Sums of budgets in force the tests check: the grid, and panel-b's breaker over its sub-panels. */
export const GROUPS = { "panel-b": ["panel-b", "b1", "b2"] };

/**
 * A 100 kW site: panel-a (60 kW breaker) and panel-b (60 kW) feeding b1 and b2 (40 kW each). Raises wait
 * for confirmation (raiseHoldMs is long); panels that answer stay reporting every republish.
 */
export function testSite(mqttUrl: string, overrides: Partial<SiteConfigInput> = {}): SiteConfig {
  return parseSiteConfig({
    site: uniqueId("site"),
    grid: { kw: 100 },
    conservativePanelKw: 5,
    panels: [
      { id: "panel-a", breaker: { kw: 60 } },
      {
        id: "panel-b",
        breaker: { kw: 60 },
        children: [
          { id: "b1", breaker: { kw: 40 } },
          { id: "b2", breaker: { kw: 40 } },
        ],
      },
    ],
    mqtt: { url: mqttUrl },
    http: { host: "127.0.0.1", port: 0 },
    timing: {
      raiseHoldMs: 60_000,
      panelSilentAfterMs: 2_000,
      republishIntervalMs: 500,
      budgetTtlMs: 5_000,
      startupSettleMs: 300,
    },
    ...overrides,
  });
}

/** Starts a site-master on Redis, connected as `sce-site-master` connects; stop() closes the connection. */
export async function startSiteMaster(
  config: SiteConfig,
  redisUrl: string,
  logger: Logger = createLogger(`test.site-master`, process.env["LOG_LEVEL"] ?? "silent"),
): Promise<RunningSiteMaster> {
  const store = await openSiteStore({ site: config.site, redis: { url: redisUrl } }, logger);
  return runSiteMaster(config, { ...store, logger });
}
