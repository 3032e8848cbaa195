import { exampleRegion } from "@smart-charge/test-infra";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

it("the README example runs and is the one in the README", async () => {
  // #region example
  const { loadSiteConfigFile, parseSiteConfig, walkPanels } = await import("@smart-charge/site-config");

  const site = loadSiteConfigFile("examples/depot.json", { REDIS_URL: "redis://redis.internal:6379" });
  expect(site.redis?.url).toBe("redis://redis.internal:6379"); // the environment overrides the file
  expect(walkPanels(site.panels).map(({ panel, ancestors }) => [panel.id, ancestors.length])).toEqual([
    ["panel-a", 0],
    ["panel-b", 0],
    ["panel-b-north", 1], // panel-b's sub-panels
    ["panel-b-south", 1],
    ["panel-c", 0],
  ]);

  // A wrong file stops start-up with the dotted path of the offending field.
  const subPanel = (id: string, kw: number) => ({ id, breaker: { kw } });
  const wrong = {
    site: "depot",
    grid: { kw: 100 },
    mqtt: { url: "mqtt://127.0.0.1:1883" },
    panels: [{ id: "main", breaker: { kw: 100 }, children: [subPanel("sub-1", 40), subPanel("sub-2", -5)] }],
  };
  expect(() => parseSiteConfig(wrong)).toThrow("config panels.0.children.1.breaker.kw: ");
  // #endregion
  const snippet = exampleRegion(import.meta.filename);
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(snippet.length).toBeGreaterThan(100);
  expect(readme).toContain(snippet);
});
