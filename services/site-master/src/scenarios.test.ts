import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario, scenarioSchema } from "./test-support/scenario.js";

const folder = join(import.meta.dirname, "..", "scenarios");
const files = readdirSync(folder).filter((f) => f.endsWith(".json"));

describe("golden scenarios (scenarios/*.json)", () => {
  it("has scenarios", () => expect(files.length).toBeGreaterThanOrEqual(4));
  it.each(files)("%s", (file) => {
    const scenario = scenarioSchema.parse(JSON.parse(readFileSync(join(folder, file), "utf8")));
    expect(runScenario(scenario)).toEqual(scenario.expected);
  });
});
