import { topics } from "@smart-charge/contracts";
import { uniqueId } from "@smart-charge/test-infra";
import { describe, expect, test } from "vitest";
import { runSce } from "./test-support/cli-process.js";
import { fixtureSite } from "./test-support/site-fixtures.js";
import { brokerWithSiteMaster } from "./test-support/broker-with-site-master.js";
import type { SiteMasterDouble } from "./test-support/site-master-double.js";
import type { SiteViewJson } from "./view/site-view-json.js";

describe("the sce binary", () => {
  const { url, startSiteMaster } = brokerWithSiteMaster("mosquitto");
  let siteMaster: SiteMasterDouble | undefined;
  let site: string;
  const start = async () => {
    site = uniqueId("cli-bin");
    siteMaster = await startSiteMaster(site, ["panel-a"]);
    return { MQTT_URL: url(), SCE_SITE: site };
  };

  test("exits 0 on accepted, 1 on rejected, 2 when nobody answers", async () => {
    const env = await start();
    const accepted = await runSce(["set-strategy", "panel-a", "PRIORITY"], env);
    expect(accepted).toMatchObject({ code: 0, stderr: "" });
    expect(accepted.stdout).toMatch(/^accepted; now in force: strategy "PRIORITY" \(request /);

    const rejected = await runSce(["set-strategy", "panel-x", "PRIORITY"], env);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/^rejected: panel: no panel "panel-x" on this site/);

    siteMaster!.answer = null;
    const silent = await runSce(["set-grid-limit", "120", "--timeout", "0.5"], env);
    expect(silent.code).toBe(2);
    expect(silent.stderr).toMatch(/^no answer: the site-master did not answer within/);
  });

  test("tree --json prints the retained site and exits 0", async () => {
    const env = await start();
    for (const budget of fixtureSite(site).budgets)
      await siteMaster!.publishRetained("panelBudget", topics.panelBudget(site, budget.panel), budget);
    const run = await runSce(["tree", "--json", "--settle", "200"], env);
    expect(run.code).toBe(0);
    const view = JSON.parse(run.stdout) as SiteViewJson;
    expect(view.panels.map((p) => [p.panel, p.budget?.totalKw, p.status])).toEqual([
      ["panel-a", 22, null],
      ["panel-b", 11, null],
    ]);
  });

  test("bad arguments name the argument and exit 64 without touching the broker", async () => {
    const run = await runSce(["set-grid-limit", "lots", "--site", "s"], { MQTT_URL: "mqtt://127.0.0.1:1" });
    expect(run).toMatchObject({ code: 64, stdout: "" });
    expect(run.stderr).toMatch(/^sce set-grid-limit: <kW>: must be a number, got "lots"\n/);
    const noSite = await runSce(["tree"], {});
    expect(noSite.code).toBe(64);
    expect(noSite.stderr).toContain("--site: is missing (or set SCE_SITE)");
  });

  test("an unreachable broker is said plainly, exit 69", async () => {
    const run = await runSce(["tree", "--site", "s", "--mqtt-url", "mqtt://127.0.0.1:1"], {});
    expect(run.code).toBe(69);
    expect(run.stderr).toMatch(/^sce tree: cannot connect to the MQTT broker at mqtt:\/\/127\.0\.0\.1:1/);
  });
});
