import { exampleRegion } from "@smart-charge/test-infra";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { smallSite, statusOf } from "./test-support/site-fixtures.js";

it("the README example runs and is the one in the README", async () => {
  // #region example
  const { SiteMasterCore, EMPTY_STATE } = await import("@smart-charge/site-master");

  // 100 kW grid: panel-a (60 kW breaker), panel-b (60 kW, no chargers of its own) feeding b1 and b2
  // (40 kW each): panel-b has no engine and gets no budget, it only limits b1 + b2.
  const site = smallSite();
  const core = new SiteMasterCore(site, EMPTY_STATE, Date.now());
  core.onStatus(statusOf(site.site, "panel-a", { demandKw: 10 }), Date.now(), false);
  core.onStatus(statusOf(site.site, "b1", { demandKw: 50 }), Date.now(), false);

  const { budgets } = core.round(Date.now(), false);
  expect(budgets.map((b) => [b.panel, b.totalKw])).toEqual([
    ["b2", 5], // never reported: its conservative budget
    ["panel-a", 10], // its demand
    ["b1", 40], // its cars would draw 50 kW: its breaker binds
  ]);
  // #endregion
  const snippet = exampleRegion(import.meta.filename);
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(snippet.length).toBeGreaterThan(100);
  expect(readme).toContain(snippet);
});
