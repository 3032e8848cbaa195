import { parseConfig as parseBridgeConfig } from "@smart-charge/ocpp-bridge";
import { parseConfig as parseEngineConfig } from "@smart-charge/panel-engine";
import { parseSiteConfig, type SiteConfigInput } from "@smart-charge/site-config";
import { describe, expect, it } from "vitest";
import { readRepoFile } from "../test-support/repository.js";
import { bridgeConfig, failSafeLimitKw } from "./bridge-config.js";
import {
  checkSafeDefaultsFitParents,
  engineConfig,
  enginePanels,
  safeDefaultBudgetKw,
} from "@smart-charge/site-config";

const exampleSites = ["deploy/site.json", "libs/site-config/examples/depot.json"];
const load = (path: string) => parseSiteConfig(JSON.parse(readRepoFile(path)));

function siteWith(panels: SiteConfigInput["panels"], conservativePanelKw = 10): SiteConfigInput {
  return {
    site: "test-site",
    grid: { kw: 400 },
    conservativePanelKw,
    panels,
    mqtt: { url: "mqtt://broker:1883" },
  };
}
const charger = (id: string) => ({ id, maxHardwarePowerKw: 22 });

describe.each(exampleSites)("the configs derived from %s", (path) => {
  const site = load(path);

  it.each(enginePanels(site).map((p) => [p.id, p] as const))(
    "panel %s: a file the panel-engine accepts",
    (_id, panel) => {
      const config = parseEngineConfig(engineConfig(site, panel));
      expect(config.site).toBe(site.site);
      expect(config.chargers.map((c) => c.id)).toEqual(panel.chargers.map((c) => c.id));
      expect(config.breaker).toEqual(panel.breaker);
      expect(config.strategy).toBe(panel.strategy ?? "EQUAL_SHARE");
      expect(config.safeDefaultBudget.kw).toBeLessThanOrEqual(panel.breaker.kw / 2);
    },
  );

  it("a file the bridge accepts, with every charger of the site", () => {
    const config = parseBridgeConfig(bridgeConfig(site));
    expect(config.chargers.map((c) => c.id)).toEqual(
      enginePanels(site).flatMap((p) => p.chargers.map((c) => c.id)),
    );
  });

  it("a fail-safe limit that keeps every panel within its safe default budget when all chargers fall back", () => {
    for (const panel of enginePanels(site))
      expect(failSafeLimitKw(site) * panel.chargers.length).toBeLessThanOrEqual(
        safeDefaultBudgetKw(site, panel),
      );
  });
});

describe("the safe default budget", () => {
  it("is the site-master's reservation for a silent panel: its fixed budget, else its conservative one", () => {
    const site = parseSiteConfig(
      siteWith([
        { id: "fixed", breaker: { kw: 50 }, fixedBudgetKw: 20, chargers: [charger("A")] },
        { id: "own", breaker: { kw: 50 }, conservativeKw: 7, chargers: [charger("B")] },
        { id: "site-wide", breaker: { kw: 50 }, chargers: [charger("C")] },
      ]),
    );
    expect(enginePanels(site).map((p) => safeDefaultBudgetKw(site, p))).toEqual([20, 7, 10]);
  });

  it("is never more than half the breaker", () => {
    const site = parseSiteConfig(
      siteWith([{ id: "small", breaker: { kw: 12 }, chargers: [charger("A")] }], 11),
    );
    expect(safeDefaultBudgetKw(site, enginePanels(site)[0] ?? site.panels[0]!)).toBe(6);
  });

  it("is refused when the engines behind a parent panel would overload its breaker together", () => {
    const children = ["n", "s", "e"].map((id) => ({
      id,
      breaker: { kw: 40 },
      chargers: [charger(`CP-${id}`)],
    }));
    const site = parseSiteConfig(siteWith([{ id: "feeder", breaker: { kw: 25 }, children }], 10));
    expect(() => checkSafeDefaultsFitParents(site)).toThrow(
      "panel feeder: the safe default budgets behind it (30 kW) exceed its breaker (25 kW)",
    );
  });

  it("leaves out panels that only feed sub-panels (the site-master divides them, no engine runs them)", () => {
    expect(enginePanels(load("libs/site-config/examples/depot.json")).map((p) => p.id)).not.toContain(
      "panel-b",
    );
  });

  it("refuses a panel at the end of the tree without chargers: the site-master would wait for its engine", () => {
    const site = parseSiteConfig(
      siteWith([
        { id: "feeder", breaker: { kw: 100 }, children: [{ id: "spare", breaker: { kw: 40 } }] },
        { id: "bay", breaker: { kw: 40 }, chargers: [charger("CP-1")] },
      ]),
    );
    expect(() => enginePanels(site)).toThrow(
      "config panels.0.children.0.chargers: panel spare is at the end of the tree",
    );
  });
});
