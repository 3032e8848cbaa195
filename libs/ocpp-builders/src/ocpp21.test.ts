import { describe, expect, it } from "vitest";
import { buildOcpp21Profile } from "./ocpp21.js";
import { errorField } from "./test-support/assertions.js";
import { schemaErrors } from "./test-support/schemas.js";
import { SAMPLE_NOW, sampleSession } from "./test-support/sessions.js";

const asRequest = (evseId: number, chargingProfile: unknown) => ({ evseId, chargingProfile });
const firstPeriod = (profile: ReturnType<typeof buildOcpp21Profile>) =>
  profile.chargingSchedule[0]?.chargingSchedulePeriod[0];

describe("buildOcpp21Profile", () => {
  it("without discharge it is a plain ChargingOnly profile with the W total over phases", () => {
    const profile = buildOcpp21Profile(sampleSession(), { now: SAMPLE_NOW });
    expect(firstPeriod(profile)).toEqual({ startPeriod: 0, limit: 13320, numberPhases: 3 });
    expect(schemaErrors("2.1", "SetChargingProfile", asRequest(1, profile))).toEqual([]);
  });

  it("writes a V2G discharge limit as a negative number with an operation mode that allows it", () => {
    const profile = buildOcpp21Profile(sampleSession(), { now: SAMPLE_NOW, dischargeLimitW: 7400 });
    expect(firstPeriod(profile)).toEqual({
      startPeriod: 0,
      limit: 13320,
      numberPhases: 3,
      dischargeLimit: -7400,
      operationMode: "ExternalSetpoint",
    });
    expect(schemaErrors("2.1", "SetChargingProfile", asRequest(1, profile))).toEqual([]);
  });

  it("converts the discharge limit to A per phase and writes no discharge as 0, not -0", () => {
    const amps = buildOcpp21Profile(sampleSession(), { rateUnit: "A", dischargeLimitW: 7400 });
    expect(firstPeriod(amps)?.dischargeLimit).toBe(-10.7);
    const none = buildOcpp21Profile(sampleSession(), { dischargeLimitW: 0 });
    expect(Object.is(firstPeriod(none)?.dischargeLimit, 0)).toBe(true);
  });

  it("refuses a negative, NaN or ChargingOnly discharge", () => {
    expect(errorField(() => buildOcpp21Profile(sampleSession(), { dischargeLimitW: -7400 }))).toBe(
      "dischargeLimitW",
    );
    expect(errorField(() => buildOcpp21Profile(sampleSession(), { dischargeLimitW: Number.NaN }))).toBe(
      "dischargeLimitW",
    );
    expect(
      errorField(() =>
        buildOcpp21Profile(sampleSession(), { dischargeLimitW: 7400, operationMode: "ChargingOnly" }),
      ),
    ).toBe("dischargeLimitW");
  });

  it("keeps purposes that only allow ChargingOnly in ChargingOnly (2.1 Table 95, K01.FR.71)", () => {
    expect(
      errorField(() =>
        buildOcpp21Profile(sampleSession(), { purpose: "PriorityCharging", dischargeLimitW: 1000 }),
      ),
    ).toBe("operationMode");
    expect(
      errorField(() =>
        buildOcpp21Profile(sampleSession(), {
          purpose: "ChargingStationMaxProfile",
          now: SAMPLE_NOW,
          operationMode: "ExternalSetpoint",
        }),
      ),
    ).toBe("operationMode");
    const mode = "CentralSetpoint" as "ExternalSetpoint";
    expect(errorField(() => buildOcpp21Profile(sampleSession(), { operationMode: mode }))).toBe(
      "operationMode",
    );
  });

  it("gives PriorityCharging no duration (K01.FR.70) and no transactionId", () => {
    expect(
      errorField(() =>
        buildOcpp21Profile(sampleSession(), { purpose: "PriorityCharging", durationSeconds: 600 }),
      ),
    ).toBe("durationSeconds");
    const priority = buildOcpp21Profile(sampleSession(), { purpose: "PriorityCharging" });
    expect(priority.transactionId).toBeUndefined();
    expect(schemaErrors("2.1", "SetChargingProfile", asRequest(1, priority))).toEqual([]);
  });

  it("applies the 2.0.1 rules too", () => {
    expect(errorField(() => buildOcpp21Profile(sampleSession(), { evseId: 0 }))).toBe("evseId");
    expect(
      errorField(() => buildOcpp21Profile(sampleSession(), { kind: "Recurring", recurrencyKind: "Daily" })),
    ).toBe("now");
    expect(buildOcpp21Profile(sampleSession()).transactionId).toBe("42");
  });
});
