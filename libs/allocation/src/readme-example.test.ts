import { exampleRegion } from "@smart-charge/test-infra";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

/** The README's example is this test's body, so the documentation cannot drift from the behaviour. */
test("README example: an oversubscribed depot", async () => {
  // #region example
  const { SmartChargingEngine, Strategies } = await import("@smart-charge/allocation");

  const sent: string[] = [];
  const engine = new SmartChargingEngine({
    siteId: "DEPOT-1",
    maxGridPowerKw: 32,
    safetyMarginPct: 5, // 30.4 kW usable
    algorithm: Strategies.EQUAL_SHARE,
    dispatcher: async ({ clientId, sessionProfile }) => {
      // Send SetChargingProfile with your OCPP library here (see @smart-charge/ocpp-builders).
      sent.push(`${clientId}: ${sessionProfile.allocatedW} W (${sessionProfile.reason})`);
    },
  });

  for (let id = 1; id <= 8; id++) {
    engine.addSession({
      transactionId: id,
      clientId: `CP-${id}`,
      maxHardwarePowerKw: 22,
      minChargeRateKw: 4.14,
    });
  }
  await engine.dispatch();

  // Seven minimums of 4.14 kW fit in 30.4 kW; the eighth car waits its turn instead of starving all.
  expect(sent).toEqual([
    "CP-1: 4342 W (budget)",
    "CP-2: 4342 W (budget)",
    "CP-3: 4342 W (budget)",
    "CP-4: 4342 W (budget)",
    "CP-5: 4342 W (budget)",
    "CP-6: 4342 W (budget)",
    "CP-7: 4342 W (budget)",
    "CP-8: 0 W (paused)",
  ]);
  // #endregion
});

test("the README shows the example above verbatim", () => {
  const snippet = exampleRegion(join(import.meta.dirname, "readme-example.test.ts"));
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(snippet.length).toBeGreaterThan(100);
  expect(readme).toContain(snippet);
});
