import { describe, expect, it } from "vitest";
import {
  buildOcpp16DynamicRequest,
  buildOcpp201DynamicRequest,
  buildOcpp21DynamicRequest,
} from "./dynamic-profiles.js";
import { OCPP_UTC_DATE_TIME, errorField } from "./test-support/assertions.js";
import { schemaErrors } from "./test-support/schemas.js";
import { SAMPLE_NOW, sampleSession } from "./test-support/sessions.js";

describe("short-lived dynamic profiles", () => {
  it("2.0.1: Absolute, startSchedule a minute in the past, valid for five minutes", () => {
    const request = buildOcpp201DynamicRequest(sampleSession(), { now: SAMPLE_NOW + 123 });
    const profile = request.chargingProfile;
    expect(profile.chargingProfileKind).toBe("Absolute");
    expect(profile.validTo).toBe("2025-01-15T06:05:00Z");
    expect(profile.chargingSchedule[0]).toMatchObject({
      startSchedule: "2025-01-15T05:59:00Z",
      duration: 360,
    });
    expect(profile.validTo).toMatch(OCPP_UTC_DATE_TIME);
    expect(schemaErrors("2.0.1", "SetChargingProfile", request)).toEqual([]);
  });

  it("1.6: the same timing in the 1.6 shape, with custom ttl and backdate", () => {
    const request = buildOcpp16DynamicRequest(sampleSession(), {
      now: SAMPLE_NOW,
      ttlSeconds: 120,
      backdateSeconds: 30,
    });
    expect(request.csChargingProfiles.validTo).toBe("2025-01-15T06:02:00Z");
    expect(request.csChargingProfiles.chargingSchedule).toMatchObject({
      startSchedule: "2025-01-15T05:59:30Z",
      duration: 150,
    });
    expect(schemaErrors("1.6", "SetChargingProfile", request)).toEqual([]);
  });

  it("moves later schedule periods by the backdate and drops those after the profile ends", () => {
    const request = buildOcpp21DynamicRequest(sampleSession(), {
      now: SAMPLE_NOW,
      schedule: [
        { startPeriod: 0, limitW: 11000 },
        { startPeriod: 120, limitW: 7000 },
        { startPeriod: 900, limitW: 3000 },
      ],
    });
    expect(request.chargingProfile.chargingSchedule[0]?.chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 11000, numberPhases: 3 },
      { startPeriod: 180, limit: 7000, numberPhases: 3 },
    ]);
    expect(schemaErrors("2.1", "SetChargingProfile", request)).toEqual([]);
  });

  it("shifts manual periods the same way and still checks them first", () => {
    const request = buildOcpp16DynamicRequest(sampleSession(), {
      now: SAMPLE_NOW,
      rateUnit: "A",
      periods: [
        { startPeriod: 0, limit: 16 },
        { startPeriod: 60, limit: 10 },
      ],
    });
    expect(
      request.csChargingProfiles.chargingSchedule.chargingSchedulePeriod.map((period) => period.startPeriod),
    ).toEqual([0, 120]);
    expect(
      errorField(() =>
        buildOcpp16DynamicRequest(sampleSession(), {
          now: SAMPLE_NOW,
          periods: [{ startPeriod: 5, limit: 1 }],
        }),
      ),
    ).toBe("periods[0].startPeriod");
  });

  it("names bad timing input", () => {
    expect(errorField(() => buildOcpp201DynamicRequest(sampleSession(), { now: Number.NaN }))).toBe("now");
    expect(
      errorField(() => buildOcpp201DynamicRequest(sampleSession(), { now: SAMPLE_NOW, ttlSeconds: 0 })),
    ).toBe("ttlSeconds");
    expect(
      errorField(() => buildOcpp201DynamicRequest(sampleSession(), { now: SAMPLE_NOW, backdateSeconds: -1 })),
    ).toBe("backdateSeconds");
  });
});
