import { describe, expect, it } from "vitest";
import { buildOcpp16Profile } from "./ocpp16.js";
import { errorField } from "./test-support/assertions.js";
import { schemaErrors } from "./test-support/schemas.js";
import { SAMPLE_NOW, sampleSession } from "./test-support/sessions.js";

const asRequest = (connectorId: number, csChargingProfiles: unknown) => ({ connectorId, csChargingProfiles });

describe("buildOcpp16Profile", () => {
  it("keeps the seed's defaults: TxProfile, stack level 0, W, the session's phases and transaction", () => {
    const profile = buildOcpp16Profile(sampleSession());
    expect(profile).toMatchObject({
      transactionId: 42,
      stackLevel: 0,
      chargingProfilePurpose: "TxProfile",
      chargingProfileKind: "Relative",
      chargingSchedule: {
        chargingRateUnit: "W",
        chargingSchedulePeriod: [{ startPeriod: 0, limit: 13320, numberPhases: 3 }],
        minChargingRate: 4140,
      },
    });
    expect(profile.chargingSchedule.startSchedule).toBeUndefined();
    expect(schemaErrors("1.6", "SetChargingProfile", asRequest(1, profile))).toEqual([]);
  });

  it("rounds A limits and minChargingRate down to 0.1 so the schema's multipleOf holds", () => {
    const profile = buildOcpp16Profile(
      sampleSession({ allocatedAmpsPerPhase: 19.33, minChargeRateKw: 1.4 }),
      { rateUnit: "A" },
    );
    expect(profile.chargingSchedule.chargingSchedulePeriod[0]?.limit).toBe(19.3);
    expect(profile.chargingSchedule.minChargingRate).toBe(2);
    expect(schemaErrors("1.6", "SetChargingProfile", asRequest(1, profile))).toEqual([]);
  });

  it("gives the same id on every dispatch and a different one per purpose", () => {
    const first = buildOcpp16Profile(sampleSession({ allocatedW: 11000 }));
    const again = buildOcpp16Profile(sampleSession({ allocatedW: 7000, transactionId: 43 }));
    expect(again.chargingProfileId).toBe(first.chargingProfileId);
    expect(buildOcpp16Profile(sampleSession(), { purpose: "TxDefaultProfile" }).chargingProfileId).not.toBe(
      first.chargingProfileId,
    );
    expect(buildOcpp16Profile(sampleSession(), { profileId: 7 }).chargingProfileId).toBe(7);
  });

  it("anchors Absolute profiles at the engine clock", () => {
    const profile = buildOcpp16Profile(sampleSession(), { now: SAMPLE_NOW });
    expect(profile.chargingProfileKind).toBe("Absolute");
    expect(profile.chargingSchedule.startSchedule).toBe("2025-01-15T06:00:00Z");
  });

  it("sends transactionId only with TxProfile and only as an integer", () => {
    expect(buildOcpp16Profile(sampleSession({ transactionId: "1234" })).transactionId).toBe(1234);
    expect(buildOcpp16Profile(sampleSession({ transactionId: "tx-abc" })).transactionId).toBeUndefined();
    expect(
      buildOcpp16Profile(sampleSession(), { purpose: "TxDefaultProfile" }).transactionId,
    ).toBeUndefined();
    expect(errorField(() => buildOcpp16Profile(sampleSession({ transactionId: 1.5 })))).toBe("transactionId");
    expect(errorField(() => buildOcpp16Profile(sampleSession({ transactionId: 2 ** 31 })))).toBe(
      "transactionId",
    );
  });

  it("allows ChargePointMaxProfile only on connector 0 and TxProfile only on a connector > 0", () => {
    expect(
      errorField(() =>
        buildOcpp16Profile(sampleSession(), {
          purpose: "ChargePointMaxProfile",
          connectorId: 1,
          now: SAMPLE_NOW,
        }),
      ),
    ).toBe("connectorId");
    expect(errorField(() => buildOcpp16Profile(sampleSession({ connectorId: 0 })))).toBe("connectorId");
  });

  it("converts the engine's time-of-use schedule", () => {
    const profile = buildOcpp16Profile(sampleSession(), {
      rateUnit: "A",
      now: SAMPLE_NOW,
      schedule: [
        { startPeriod: 0, limitW: 13320 },
        { startPeriod: 7200, limitW: 4140 },
      ],
    });
    expect(profile.chargingSchedule.chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 19.3, numberPhases: 3 },
      { startPeriod: 7200, limit: 6, numberPhases: 3 },
    ]);
    expect(schemaErrors("1.6", "SetChargingProfile", asRequest(1, profile))).toEqual([]);
  });

  it("names the field for unusable input", () => {
    expect(errorField(() => buildOcpp16Profile(sampleSession({ allocatedW: Number.NaN })))).toBe(
      "allocatedW",
    );
    expect(
      errorField(() =>
        buildOcpp16Profile(sampleSession(), { purpose: "ChargingStationMaxProfile" as "TxProfile" }),
      ),
    ).toBe("purpose");
    expect(errorField(() => buildOcpp16Profile(sampleSession(), { stackLevel: -1 }))).toBe("stackLevel");
    expect(errorField(() => buildOcpp16Profile(sampleSession(), { profileId: 0 }))).toBe("profileId");
    expect(
      errorField(() => buildOcpp16Profile(sampleSession(), { periods: [{ startPeriod: 0, limit: -5 }] })),
    ).toBe("periods[0].limit");
  });
});
