import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { topics } from "@smart-charge/contracts";
import { uniqueId, type BrokerKind } from "@smart-charge/test-infra";
import { describe, expect, test } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { capturedIo } from "../test-support/captured-io.js";
import { fixtureSite, FIXTURE_LAYOUT, FIXTURE_NOW, status } from "../test-support/site-fixtures.js";
import { brokerWithSiteMaster } from "../test-support/broker-with-site-master.js";
import type { SiteMasterDouble } from "../test-support/site-master-double.js";
import type { SiteViewJson } from "../view/site-view-json.js";

/** The site of the fixtures is called depot-north; over a shared broker each test gets its own id. */
function asDepotNorth(text: string, site: string): string {
  return text.replaceAll(site, "depot-north");
}

describe.each<BrokerKind>(["mosquitto", "aedes"])("sce tree over %s", (kind) => {
  const { url, startSiteMaster } = brokerWithSiteMaster(kind);
  let siteMaster: SiteMasterDouble | undefined;

  async function publishFixtureSite(): Promise<string> {
    const site = uniqueId("cli-tree");
    siteMaster = await startSiteMaster(site, []);
    const { budgets, statuses } = fixtureSite(site);
    for (const b of budgets)
      await siteMaster.publishRetained("panelBudget", topics.panelBudget(site, b.panel), b);
    for (const s of statuses)
      await siteMaster.publishRetained("panelStatus", topics.panelStatus(site, s.panel), s);
    return site;
  }

  test("prints the tree from the retained messages once and exits 0", async () => {
    const site = await publishFixtureSite();
    const config = join(tmpdir(), `${site}.json`);
    writeFileSync(config, JSON.stringify(FIXTURE_LAYOUT));
    const { io, stdout } = capturedIo({ MQTT_URL: url() }, () => FIXTURE_NOW);
    stdout.columns = 100;
    expect(await runCli(["tree", "--site", site, "--site-config", config, "--settle", "200"], io)).toBe(0);
    const golden = readFileSync(
      join(import.meta.dirname, "..", "view", "golden", "tree-100-columns.txt"),
      "utf8",
    );
    expect(asDepotNorth(stdout.text, site)).toBe(golden);
  });

  test("--json gives scripts every panel with its messages and health", async () => {
    const site = await publishFixtureSite();
    const { io, stdout } = capturedIo({ MQTT_URL: url(), SCE_SITE: site }, () => FIXTURE_NOW);
    expect(await runCli(["tree", "--json", "--settle", "200"], io)).toBe(0);
    const view = JSON.parse(stdout.text) as SiteViewJson;
    expect(
      view.panels.map((p) => [p.panel, p.budget?.totalKw, p.status?.allocatedKw, p.health.statusStale]),
    ).toEqual([
      ["panel-a", 22, 21.9, false],
      ["panel-b", 11, 7.4, true],
    ]);
  });

  test("a malformed retained status is shown with its field, and the rest of the site still is", async () => {
    const site = await publishFixtureSite();
    const broken = { ...status(site, "panel-c"), allocatedKw: -3 };
    await siteMaster?.publishRawRetained(topics.panelStatus(site, "panel-c"), JSON.stringify(broken));
    const { io, stdout } = capturedIo({ MQTT_URL: url(), SCE_SITE: site }, () => FIXTURE_NOW);
    expect(await runCli(["tree", "--json", "--settle", "200"], io)).toBe(0);
    const view = JSON.parse(stdout.text) as SiteViewJson;
    expect(view.panels.map((p) => p.panel)).toEqual(["panel-a", "panel-b"]);
    expect(view.refused).toEqual([
      {
        topic: topics.panelStatus(site, "panel-c"),
        error: expect.objectContaining({ field: "allocatedKw" }) as unknown,
      },
    ]);
  });

  test("--watch redraws when a status changes and stops cleanly on Ctrl-C", async () => {
    const site = await publishFixtureSite();
    const { io, stdout, abort } = capturedIo({ MQTT_URL: url(), SCE_SITE: site }, () => FIXTURE_NOW);
    const running = runCli(["tree", "--watch"], io);
    await stdout.until((text) => text.includes("CP-101 #1  7.4 kW"));
    const changed = status(site, "panel-b", {
      allocatedKw: 11,
      demandKw: 11,
      sessions: [
        {
          transactionId: "tx-9",
          chargerId: "CP-101",
          connectorId: 1,
          allocatedKw: 11,
          minChargeRateKw: 4.1,
          reason: "hardware-cap",
        },
      ],
      publishedAt: "2025-03-14T09:30:04Z",
    });
    await siteMaster?.publishRetained("panelStatus", topics.panelStatus(site, "panel-b"), changed);
    await stdout.until((text) => text.includes("CP-101 #1  11.0 kW  at the charger's maximum"));
    abort.abort();
    expect(await running).toBe(0);
  });
});
