import { ConfigError } from "@smart-charge/service-kit";
import type { PanelConfig } from "./panel-schema.js";
import type { SiteConfig } from "./site-config-schema.js";
import { conservativeBudgetKw } from "./tree-rules.js";
import { walkPanels } from "./walk-panels.js";

/**
 * The panel-engine file of one panel, as JSON (the fields of services/panel-engine's config schema),
 * derived from the site file: the one place that says how a site file becomes its engines' files, for
 * the Kubernetes and compose renderer and the all-in-one site alike.
 */
export interface EngineConfigFile {
  site: string;
  panel: string;
  chargers: PanelConfig["chargers"];
  breaker: PanelConfig["breaker"];
  safeDefaultBudget: { kw: number };
  strategy: NonNullable<PanelConfig["strategy"]>;
  timeOfUse?: NonNullable<SiteConfig["timeOfUse"]>;
  voltageV: number;
  redis?: NonNullable<SiteConfig["redis"]>;
  mqtt: { url: string; protocolVersion: 4 | 5; tls?: NonNullable<SiteConfig["mqtt"]["tls"]> };
  http: { port: number };
}

export const ENGINE_HTTP_PORT = 8080;
/** Never more than this share of the breaker, whatever the site file reserves for a silent panel. */
export const SAFE_DEFAULT_MAX_SHARE_OF_BREAKER = 0.5;

const round = (kw: number) => Math.floor(kw * 1000) / 1000;

/**
 * What a panel-engine runs at while it has no budget from the site-master: the reservation the site-master
 * itself keeps for a silent panel (its fixed budget, else its conservative budget), and at most half the
 * breaker. Using the site-master's own reservation means every panel falling back at once still fits the
 * grid after the safety margin, which the site file's rules already check.
 */
export function safeDefaultBudgetKw(site: SiteConfig, panel: PanelConfig): number {
  const reserved = panel.fixedBudgetKw ?? conservativeBudgetKw(panel, site.conservativePanelKw);
  return round(Math.min(reserved, panel.breaker.kw * SAFE_DEFAULT_MAX_SHARE_OF_BREAKER));
}

/**
 * Whether a panel-engine serves this panel: one with chargers of its own, or one at the end of the tree
 * (the site-master needs no charger list, so a site file written for it alone may leave them out). A
 * panel that only feeds sub-panels has none. The site-master reserves a budget for exactly these panels
 * and waits for their status, so whatever starts engines from a site file must start one for each.
 */
export function runsEngine(panel: PanelConfig): boolean {
  return panel.chargers.length > 0 || panel.children.length === 0;
}

/**
 * The panels that run a panel-engine (see runsEngine), for tools that make the engines from the site file.
 * Throws a ConfigError for one at the end of the tree without chargers: the site-master would keep a
 * budget for an engine that nothing starts.
 */
export function enginePanels(site: SiteConfig): PanelConfig[] {
  const places = walkPanels(site.panels).filter((place) => runsEngine(place.panel));
  const bare = places.find((place) => place.panel.chargers.length === 0);
  if (bare !== undefined)
    throw new ConfigError(
      [...bare.path, "chargers"].join("."),
      `panel ${bare.panel.id} is at the end of the tree, so the site-master keeps a budget for its panel-engine, which is made from its chargers: list them, or remove the panel`,
    );
  return places.map((place) => place.panel);
}

/**
 * Every parent's breaker must hold the safe defaults of all the engines behind it at once; the site file's
 * rules check the grid, not each parent.
 */
export function checkSafeDefaultsFitParents(site: SiteConfig): void {
  for (const { panel } of walkPanels(site.panels)) {
    if (panel.children.length === 0) continue;
    const behind = walkPanels([panel]).filter((place) => runsEngine(place.panel));
    const total = behind.reduce((sum, place) => sum + safeDefaultBudgetKw(site, place.panel), 0);
    if (total > panel.breaker.kw)
      throw new Error(
        `panel ${panel.id}: the safe default budgets behind it (${round(total)} kW) exceed its breaker (${panel.breaker.kw} kW); lower conservativeKw of its panels`,
      );
  }
}

/** The panel-engine file for one panel, derived from the site file. */
export function engineConfig(site: SiteConfig, panel: PanelConfig): EngineConfigFile {
  const strategy = panel.strategy ?? "EQUAL_SHARE";
  // Credentials and the client id stay out: they come from the Secret, and each engine needs its own id.
  const { url, protocolVersion, tls } = site.mqtt;
  return {
    site: site.site,
    panel: panel.id,
    chargers: panel.chargers,
    breaker: panel.breaker,
    safeDefaultBudget: { kw: safeDefaultBudgetKw(site, panel) },
    strategy,
    ...(strategy === "TIME_OF_USE" && site.timeOfUse !== undefined ? { timeOfUse: site.timeOfUse } : {}),
    voltageV: site.voltageV,
    ...(site.redis !== undefined ? { redis: site.redis } : {}),
    mqtt: { url, protocolVersion, ...(tls !== undefined ? { tls } : {}) },
    http: { port: ENGINE_HTTP_PORT },
  };
}
