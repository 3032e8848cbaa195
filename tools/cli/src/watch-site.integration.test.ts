import { topics } from "@smart-charge/contracts";
import { connectClient, endClient, mqttBrokerForTests, uniqueId } from "@smart-charge/test-infra";
import { expect, test } from "vitest";
import { fixtureSite, FIXTURE_NOW } from "./test-support/site-fixtures.js";
import { SiteMasterDouble } from "./test-support/site-master-double.js";
import { renderTree, watchSite, type SiteViewState } from "./index.js";

test("watchSite folds retained budgets and statuses into a view that renderTree draws", async () => {
  const broker = await mqttBrokerForTests("aedes");
  const site = uniqueId("cli-api");
  const siteMaster = await SiteMasterDouble.start(broker.url, site, []);
  const { budgets, statuses } = fixtureSite(site);
  for (const b of budgets)
    await siteMaster.publishRetained("panelBudget", topics.panelBudget(site, b.panel), b);
  for (const s of statuses)
    await siteMaster.publishRetained("panelStatus", topics.panelStatus(site, s.panel), s);
  const client = await connectClient(broker.url);

  // #region example
  const changes: SiteViewState[] = [];
  const watch = await watchSite({ client, site, onChange: (state) => changes.push(state) });
  const state = await watch.settled; // the retained budgets and statuses have arrived
  const lines = renderTree(state, { now: Date.now(), width: process.stdout.columns ?? 100 });
  // … later, on every change: renderTree(watch.state, …); at the end:
  await watch.stop();
  // #endregion

  expect(changes.length).toBeGreaterThanOrEqual(4);
  expect(changes.at(-1)).toBe(state);
  expect(lines.some((line) => line.startsWith("panel-b  budget 11.0 kW"))).toBe(true);
  expect(renderTree(state, { now: FIXTURE_NOW, width: 100 })[0]).toContain("2 panels · 5 sessions");
  await endClient(client);
  await siteMaster.close();
  await broker.stop();
});
