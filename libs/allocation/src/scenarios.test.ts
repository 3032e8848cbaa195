import { describe, expect, test } from "vitest";
import { readScenario, runScenario, scenarioFiles, writeScenario } from "./test-support/scenario.js";

/**
 * Golden scenarios in ../scenarios/*.json: each file says, for operators, what the solver does in one
 * situation and the exact allocation it must produce. After an intended change of behaviour, rewrite
 * the expectations with `UPDATE_SCENARIOS=1 npx vitest run src/scenarios.test.ts` and review the diff.
 */
const update = process.env["UPDATE_SCENARIOS"] === "1";

describe("golden scenarios", () => {
  test("there are scenarios to check", () => {
    expect(scenarioFiles().length).toBeGreaterThanOrEqual(9);
  });

  for (const file of scenarioFiles()) {
    const scenario = readScenario(file);
    test(`${file}: ${scenario.title}`, () => {
      const outcome = runScenario(scenario.input);
      if (update) writeScenario(file, { ...scenario, expected: outcome });
      else expect(outcome).toEqual(scenario.expected);
    });
  }
});
