import { exampleRegion } from "@smart-charge/test-infra";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "./test-support/repository.js";

/** The README's example is this test's body, so the documentation cannot drift from the behaviour. */
test("README example: render a site", async () => {
  process.chdir(repoRoot);
  // #region example
  const { parseSiteConfig } = await import("@smart-charge/site-config");
  const { renderSite, manifestFiles } = await import("@smart-charge/deploy");

  const raw: unknown = JSON.parse(readFileSync("deploy/site.json", "utf8"));
  const rendered = renderSite(raw, parseSiteConfig(raw)); // throws on an invalid manifest

  const engine = rendered.configs.find((file) => file.name === "panel-engine.panel-a.json");
  expect(engine?.content).toMatchObject({ site: "depot-1", panel: "panel-a", safeDefaultBudget: { kw: 11 } });

  const files = await manifestFiles(rendered, "deploy/k8s/generated", "deploy/site.json");
  expect([...files.keys()]).toEqual([
    "config.yaml",
    "site-master.yaml",
    "panel-engine-panel-a.yaml", // Deployment (2 replicas) + PodDisruptionBudget
    "panel-engine-panel-b.yaml",
    "ocpp-bridge.yaml",
    "network-policies.yaml",
  ]);
  // #endregion
});

test("the README shows the example above verbatim", () => {
  const snippet = exampleRegion(join(import.meta.dirname, "readme-example.test.ts"));
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(snippet.length).toBeGreaterThan(100);
  expect(readme).toContain(snippet);
});
