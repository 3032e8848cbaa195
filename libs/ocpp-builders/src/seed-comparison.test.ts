/**
 * The seed package (ocpp-smart-charge-engine@0.3.0) is imported here only, to show what this package fixes.
 * Its 1.6 builder sends allocatedAmpsPerPhase and minChargingRate unrounded, which the 1.6 schema's
 * `multipleOf: 0.1` rejects.
 */
import fc from "fast-check";
import { buildOcpp16Profile as seedBuildOcpp16Profile } from "ocpp-smart-charge-engine/builders";
import { describe, expect, it } from "vitest";
import { buildOcpp16Profile } from "./ocpp16.js";
import { sessionArbitrary } from "./test-support/arbitraries.js";
import { schemaErrors } from "./test-support/schemas.js";
import { sampleSession } from "./test-support/sessions.js";

const request = (csChargingProfiles: unknown) => ({ connectorId: 1, csChargingProfiles });

describe("seed's buildOcpp16Profile vs ours, rateUnit A", () => {
  const session = sampleSession({ allocatedAmpsPerPhase: 19.33, minChargeRateKw: 0 });

  it("the seed's profile for 19.33 A fails the 1.6 schema", () => {
    const errors = schemaErrors(
      "1.6",
      "SetChargingProfile",
      request(seedBuildOcpp16Profile(session, { rateUnit: "A" })),
    );
    expect(errors.some((error) => error.includes("limit") && error.includes("multiple"))).toBe(true);
  });

  it("ours for the same session passes, at 19.3 A", () => {
    const profile = buildOcpp16Profile(session, { rateUnit: "A" });
    expect(profile.chargingSchedule.chargingSchedulePeriod[0]?.limit).toBe(19.3);
    expect(schemaErrors("1.6", "SetChargingProfile", request(profile))).toEqual([]);
  });

  it("the seed fails for some random engine outputs, ours for none", () => {
    const seedFailures = fc
      .sample(sessionArbitrary, { numRuns: 200, seed: 42 })
      .filter(
        (random) =>
          schemaErrors(
            "1.6",
            "SetChargingProfile",
            request(seedBuildOcpp16Profile(random, { rateUnit: "A" })),
          ).length > 0,
      );
    expect(seedFailures.length).toBeGreaterThan(0);
    for (const random of seedFailures) {
      expect(
        schemaErrors("1.6", "SetChargingProfile", request(buildOcpp16Profile(random, { rateUnit: "A" }))),
      ).toEqual([]);
    }
    fc.assert(
      fc.property(sessionArbitrary, (random) => {
        expect(
          schemaErrors("1.6", "SetChargingProfile", request(buildOcpp16Profile(random, { rateUnit: "A" }))),
        ).toEqual([]);
      }),
    );
  });
});
