import {
  InMemoryPanelStateStore,
  parseConfig,
  runPanelEngine,
  type RunningPanelEngine,
} from "@smart-charge/panel-engine";
import { createLogger } from "@smart-charge/service-kit";
import { parseSiteConfig, type SiteConfig } from "@smart-charge/site-config";
import { runSiteMaster, type RunningSiteMaster } from "../src/index.js";
import { startEngineHosts } from "./engine-hosts.js";

export const PANELS = 50;
export const CHARGERS_PER_PANEL = 40;

export const chargerId = (panel: number, charger: number) => `CP-${panel}-${charger}`;
export const panelId = (panel: number) => `panel-${panel}`;

/** A site of 50 panels (100 kW breakers) on one grid connection, each with 40 chargers limited to 2 kW. */
export function benchSiteConfig(site: string, mqttUrl: string, gridKw: number): SiteConfig {
  return parseSiteConfig({
    site,
    grid: { kw: gridKw },
    panels: Array.from({ length: PANELS }, (_, p) => ({ id: panelId(p), breaker: { kw: 100 } })),
    mqtt: { url: mqttUrl },
    http: { host: "127.0.0.1", port: 0 },
    // Long intervals: only the measured change moves budgets.
    timing: {
      raiseHoldMs: 60_000,
      panelSilentAfterMs: 600_000,
      republishIntervalMs: 300_000,
      budgetTtlMs: 900_000,
      startupSettleMs: 0,
    },
  });
}

/** One panel-engine's config: 40 chargers limited to 2 kW, in-memory state. */
export function benchEngineConfig(site: string, mqttUrl: string, p: number) {
  return parseConfig({
    site,
    panel: panelId(p),
    chargers: Array.from({ length: CHARGERS_PER_PANEL }, (_, c) => ({
      id: chargerId(p, c),
      phases: 3,
      // 2 kW each: 80 kW per panel fits its breaker, so starting the sessions moves no other profile.
      maxHardwarePowerKw: 2,
    })),
    breaker: { kw: 100 },
    safeDefaultBudget: { kw: 0 },
    minDwellMs: 0,
    mqtt: { url: mqttUrl },
    http: { host: "127.0.0.1", port: 0 },
    timing: { recomputeIntervalMs: 600_000, profileTtlS: 600, raiseHoldMs: 60_000 },
  });
}

/** Panel-engines `first` … `last - 1` in this process, on in-memory stores. */
export async function startBenchEngines(
  site: string,
  mqttUrl: string,
  first: number,
  last: number,
): Promise<RunningPanelEngine[]> {
  const engines: RunningPanelEngine[] = [];
  for (let p = first; p < last; p++) {
    const config = benchEngineConfig(site, mqttUrl, p);
    engines.push(
      await runPanelEngine(config, {
        store: new InMemoryPanelStateStore({ site, panel: config.panel }),
        storeKind: "memory",
        logger: silentLogger(`bench.${config.panel}`),
      }),
    );
  }
  return engines;
}

export function silentLogger(name: string) {
  return createLogger(name, process.env["LOG_LEVEL"] ?? "silent");
}

/**
 * The site-master in this process, the 50 panel-engines in `hosts` child processes (as deployed, the
 * engines are processes of their own; on this 2-core machine two hosts use both cores).
 */
export async function startBenchSite(site: string, mqttUrl: string, gridKw: number, hosts: number) {
  const children = await startEngineHosts(site, mqttUrl, PANELS, hosts);
  const master: RunningSiteMaster = await runSiteMaster(benchSiteConfig(site, mqttUrl, gridKw), {
    logger: silentLogger("bench.site-master"),
  });
  return {
    master,
    enginePids: children.pids,
    async stop() {
      await master.stop();
      await children.stop();
    },
  };
}
