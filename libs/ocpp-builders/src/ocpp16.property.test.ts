import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Ocpp16Purpose } from "./ocpp16.js";
import { OCPP16_PURPOSES } from "./ocpp16.js";
import { buildOcpp16SetChargingProfileRequest } from "./set-requests.js";
import { commonOptionsArbitrary, fixCommon, sessionArbitrary } from "./test-support/arbitraries.js";
import { expectProfileRules, expectWithinAllocation } from "./test-support/invariants.js";
import { schemaErrors } from "./test-support/schemas.js";
import { SAMPLE_NOW } from "./test-support/sessions.js";

const purposeArbitrary = fc.constantFrom<Ocpp16Purpose>(...OCPP16_PURPOSES);

describe("OCPP 1.6 builders over random engine output", () => {
  it("always produce a SetChargingProfile.req the official schemas accept", () => {
    fc.assert(
      fc.property(sessionArbitrary, commonOptionsArbitrary, purposeArbitrary, (session, common, purpose) => {
        const options = { ...fixCommon(common, purpose === "ChargePointMaxProfile", SAMPLE_NOW), purpose };
        const request = buildOcpp16SetChargingProfileRequest(session, options);
        expect(schemaErrors("1.6", "SetChargingProfile", request)).toEqual([]);
        const profile = request.csChargingProfiles;
        expectProfileRules(profile.chargingProfileId, profile, [profile.chargingSchedule]);
        expect(request.connectorId === 0).toBe(purpose === "ChargePointMaxProfile");
        if (purpose !== "TxProfile") expect(profile.transactionId).toBeUndefined();
      }),
    );
  });

  it("with rateUnit A, the limit is a multiple of 0.1 and never above the allocation", () => {
    fc.assert(
      fc.property(
        sessionArbitrary,
        fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const), { nil: undefined }),
        (session, numberPhases) => {
          const options =
            numberPhases === undefined
              ? { rateUnit: "A" as const }
              : { rateUnit: "A" as const, numberPhases };
          const request = buildOcpp16SetChargingProfileRequest(session, options);
          const [period] = request.csChargingProfiles.chargingSchedule.chargingSchedulePeriod;
          if (period === undefined) throw new Error("no period");
          expectWithinAllocation(
            session,
            "A",
            period.limit,
            Math.max(session.phases, numberPhases ?? session.phases),
          );
          expect(schemaErrors("1.6", "SetChargingProfile", request)).toEqual([]);
        },
      ),
    );
  });

  it("gives the same profile id for the same slot whatever the allocation", () => {
    fc.assert(
      fc.property(
        sessionArbitrary,
        fc.integer({ min: 0, max: 50_000 }),
        purposeArbitrary,
        (session, otherWatts, purpose) => {
          const options = { purpose, now: SAMPLE_NOW };
          const first = buildOcpp16SetChargingProfileRequest(session, options).csChargingProfiles
            .chargingProfileId;
          const again = buildOcpp16SetChargingProfileRequest({ ...session, allocatedW: otherWatts }, options)
            .csChargingProfiles.chargingProfileId;
          expect(again).toBe(first);
        },
      ),
    );
  });
});
