import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadSiteConfigFile, parseSiteConfig } from "./load-site-config.js";
import { walkPanels } from "./walk-panels.js";

const examplePath = join(import.meta.dirname, "..", "examples", "depot.json");
const example = () => JSON.parse(readFileSync(examplePath, "utf8")) as Record<string, unknown>;

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

type Path = readonly (string | number)[];
type Edit = readonly [Path, unknown];

/** The example with changes made at JSON paths (undefined deletes), as an operator would edit the file. */
function edited(...edits: Edit[]): Record<string, unknown> {
  const site = example();
  for (const [path, value] of edits) {
    let node = site as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] ?? "";
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return site;
}

describe("the example site file", () => {
  it("loads with defaults filled in", () => {
    const config = loadSiteConfigFile(examplePath, {});
    expect(config.site).toBe("depot-north");
    expect(walkPanels(config.panels).map((p) => [p.panel.id, p.ancestors.join("/")])).toEqual([
      ["panel-a", ""],
      ["panel-b", ""],
      ["panel-b-north", "panel-b"],
      ["panel-b-south", "panel-b"],
      ["panel-c", ""],
    ]);
    const b = config.panels[1];
    expect(b?.priority).toBe(1);
    expect(b?.chargers).toEqual([]);
    expect(config.mqtt.protocolVersion).toBe(4);
    expect(config.meter.enabled).toBe(true);
  });

  it("takes addresses and secrets from the environment", () => {
    const config = loadSiteConfigFile(examplePath, {
      MQTT_URL: "mqtt://broker:1883",
      MQTT_USERNAME: "site-master",
      MQTT_PASSWORD: "secret",
      REDIS_URL: "redis://redis:6379",
      HTTP_PORT: "9100",
    });
    expect(config.mqtt).toMatchObject({
      url: "mqtt://broker:1883",
      username: "site-master",
      password: "secret",
    });
    expect(config.redis?.url).toBe("redis://redis:6379");
    expect(config.http).toEqual({ host: "0.0.0.0", port: 9100 });
  });

  it("runs without Redis when the file names none", () => {
    const config = parseSiteConfig(edited([["redis"], undefined]));
    expect(config.redis).toBeUndefined();
  });
});

describe("a wrong site file is refused naming the field", () => {
  const cases: [string, Edit[], string, RegExp][] = [
    [
      "a negative breaker deep in the tree",
      [[["panels", 1, "children", 1, "breaker", "kw"], -5]],
      "panels.1.children.1.breaker.kw",
      /0/,
    ],
    ["a misspelt key", [[["panels", 0, "breakr"], {}]], "panels.0.breakr", /nrecognized/],
    [
      "a duplicate panel id",
      [[["panels", 1, "children", 0, "id"], "panel-a"]],
      "panels.1.children.0.id",
      /duplicate panel id "panel-a" \(also at panels\.0\)/,
    ],
    [
      "a charger on two panels",
      [[["panels", 2, "chargers", 0, "id"], "CP-A1"]],
      "panels.2.chargers.0.id",
      /already wired to panel "panel-a"/,
    ],
    [
      "a fixed budget above the breaker",
      [[["panels", 2, "fixedBudgetKw"], 31]],
      "panels.2.fixedBudgetKw",
      /must not exceed breaker\.kw \(30\)/,
    ],
    [
      "a fixed budget on a panel with sub-panels",
      [[["panels", 1, "fixedBudgetKw"], 10]],
      "panels.1.fixedBudgetKw",
      /without sub-panels/,
    ],
    [
      "phases that do not match the wiring",
      [
        [
          ["panels", 0, "chargers", 3, "panelPhases"],
          ["L1", "L2"],
        ],
      ],
      "panels.0.chargers.3.panelPhases",
      /1 phase/,
    ],
    [
      "a TIME_OF_USE panel without windows",
      [[["timeOfUse"], undefined]],
      "panels.1.children.1.strategy",
      /timeOfUse/,
    ],
    [
      "budgets that expire before they are republished",
      [[["timing", "budgetTtlMs"], 10_000]],
      "timing.budgetTtlMs",
      /republishIntervalMs/,
    ],
    [
      "silence shorter than the republish interval",
      [[["timing", "panelSilentAfterMs"], 5_000]],
      "timing.panelSilentAfterMs",
      /republishIntervalMs/,
    ],
    [
      "reservations larger than the grid",
      [
        [["grid", "kw"], 150],
        [["conservativePanelKw"], 60],
      ],
      "conservativePanelKw",
      /\(170 kW\) exceed the grid after the safety margin \(142\.5 kW\)/,
    ],
    ["no panels", [[["panels"], []]], "panels", /1/],
    ["no MQTT", [[["mqtt"], undefined]], "mqtt", /object/],
  ];
  it.each(cases)("%s", (_name, edits, field, message) => {
    const error = errorOf(() => parseSiteConfig(edited(...edits)));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("a file that is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "site-config-"));
    writeFileSync(join(dir, "site.json"), "{ not json");
    expect(errorOf(() => loadSiteConfigFile(join(dir, "site.json"), {})).field).toBe("(json)");
    expect(errorOf(() => loadSiteConfigFile(join(dir, "missing.json"), {})).field).toBe("(file)");
    expect(errorOf(() => parseSiteConfig([])).field).toBe("(root)");
  });
});

describe("breakers in the tree", () => {
  it("allow a sub-panel rated above its parent: the parent's breaker still binds", () => {
    const config = parseSiteConfig(example());
    const b = config.panels[1];
    expect(b?.breaker.kw).toBe(90);
    expect(b?.children.map((c) => c.breaker.kw)).toEqual([60, 60]);
  });
});
