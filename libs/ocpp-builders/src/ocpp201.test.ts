import { describe, expect, it } from "vitest";
import { buildOcpp201Profile } from "./ocpp201.js";
import { errorField } from "./test-support/assertions.js";
import { schemaErrors } from "./test-support/schemas.js";
import { SAMPLE_NOW, sampleSession } from "./test-support/sessions.js";

const asRequest = (evseId: number, chargingProfile: unknown) => ({ evseId, chargingProfile });

describe("buildOcpp201Profile", () => {
  it("builds a TxProfile with a string transactionId and one schedule", () => {
    const profile = buildOcpp201Profile(sampleSession(), { now: SAMPLE_NOW });
    expect(profile).toMatchObject({
      stackLevel: 0,
      chargingProfilePurpose: "TxProfile",
      chargingProfileKind: "Absolute",
      transactionId: "42",
      chargingSchedule: [
        {
          id: 1,
          startSchedule: "2025-01-15T06:00:00Z",
          chargingRateUnit: "W",
          chargingSchedulePeriod: [{ startPeriod: 0, limit: 13320, numberPhases: 3 }],
        },
      ],
    });
    expect(profile.chargingSchedule).toHaveLength(1);
    expect(schemaErrors("2.0.1", "SetChargingProfile", asRequest(1, profile))).toEqual([]);
  });

  it("never sends an Absolute profile without startSchedule (K01.FR.40) nor a Relative one with it (K01.FR.41)", () => {
    const relative = buildOcpp201Profile(sampleSession());
    expect(relative.chargingProfileKind).toBe("Relative");
    expect(relative.chargingSchedule[0]?.startSchedule).toBeUndefined();
    expect(errorField(() => buildOcpp201Profile(sampleSession(), { kind: "Absolute" }))).toBe("now");
  });

  it("keeps the id across re-dispatches so the station replaces the profile (K01.FR.05)", () => {
    const first = buildOcpp201Profile(sampleSession({ allocatedW: 11000 }), { now: SAMPLE_NOW });
    const second = buildOcpp201Profile(sampleSession({ allocatedW: 7000 }), { now: SAMPLE_NOW + 60_000 });
    expect(second.id).toBe(first.id);
  });

  it("requires a usable transactionId for TxProfile and leaves it out otherwise", () => {
    expect(errorField(() => buildOcpp201Profile(sampleSession({ transactionId: "x".repeat(37) })))).toBe(
      "transactionId",
    );
    expect(errorField(() => buildOcpp201Profile(sampleSession({ transactionId: "" })))).toBe("transactionId");
    expect(
      buildOcpp201Profile(sampleSession(), { purpose: "TxDefaultProfile" }).transactionId,
    ).toBeUndefined();
  });

  it("puts ChargingStationMaxProfile on EVSE 0, never Relative, and refuses ExternalConstraints", () => {
    expect(
      errorField(() => buildOcpp201Profile(sampleSession(), { purpose: "ChargingStationMaxProfile" })),
    ).toBe("kind");
    expect(
      errorField(() =>
        buildOcpp201Profile(sampleSession(), {
          purpose: "ChargingStationMaxProfile",
          evseId: 2,
          now: SAMPLE_NOW,
        }),
      ),
    ).toBe("evseId");
    const purpose = "ChargingStationExternalConstraints" as "TxProfile";
    expect(errorField(() => buildOcpp201Profile(sampleSession(), { purpose }))).toBe("purpose");
  });

  it("requires EVSE > 0 for TxProfile (K01.FR.16)", () => {
    expect(errorField(() => buildOcpp201Profile(sampleSession(), { evseId: 0 }))).toBe("evseId");
  });

  it("sends numberPhases and phaseToUse for AC only, phaseToUse only with one phase (K01.FR.19)", () => {
    const dc = buildOcpp201Profile(sampleSession(), { supplyType: "DC" });
    expect(dc.chargingSchedule[0]?.chargingSchedulePeriod[0]).toEqual({ startPeriod: 0, limit: 13320 });
    const switched = buildOcpp201Profile(sampleSession({ phases: 1, allocatedW: 7360 }), {
      numberPhases: 1,
      phaseToUse: 2,
    });
    expect(switched.chargingSchedule[0]?.chargingSchedulePeriod[0]).toEqual({
      startPeriod: 0,
      limit: 7360,
      numberPhases: 1,
      phaseToUse: 2,
    });
    expect(schemaErrors("2.0.1", "SetChargingProfile", asRequest(1, switched))).toEqual([]);
    expect(errorField(() => buildOcpp201Profile(sampleSession(), { phaseToUse: 1 }))).toBe("phaseToUse");
    expect(errorField(() => buildOcpp201Profile(sampleSession(), { supplyType: "DC", phaseToUse: 1 }))).toBe(
      "phaseToUse",
    );
    expect(errorField(() => buildOcpp201Profile(sampleSession(), { supplyType: "DC", rateUnit: "A" }))).toBe(
      "rateUnit",
    );
  });

  it("rounds A down to 0.1 like 1.6, since 2.0.1 accepts one decimal at most", () => {
    const profile = buildOcpp201Profile(sampleSession({ allocatedAmpsPerPhase: 19.38 }), { rateUnit: "A" });
    expect(profile.chargingSchedule[0]?.chargingSchedulePeriod[0]?.limit).toBe(19.3);
  });
});
