import { describe, expect, it } from "vitest";
import type { FailSafeInput } from "./fail-safe.js";
import {
  buildOcpp16FailSafeRequest,
  buildOcpp201FailSafeRequest,
  buildOcpp21FailSafeRequest,
} from "./fail-safe.js";
import { errorField } from "./test-support/assertions.js";
import { schemaErrors } from "./test-support/schemas.js";

const input: FailSafeInput = { clientId: "CP-001", limitW: 4140, phases: 3, voltageV: 230 };

describe("fail-safe TxDefaultProfile", () => {
  it("1.6: connector 0, Relative, one open-ended period at the conservative limit in A", () => {
    const request = buildOcpp16FailSafeRequest(input);
    expect(request).toEqual({
      connectorId: 0,
      csChargingProfiles: {
        chargingProfileId: request.csChargingProfiles.chargingProfileId,
        stackLevel: 0,
        chargingProfilePurpose: "TxDefaultProfile",
        chargingProfileKind: "Relative",
        chargingSchedule: {
          chargingRateUnit: "A",
          chargingSchedulePeriod: [{ startPeriod: 0, limit: 6, numberPhases: 3 }],
        },
      },
    });
    expect(schemaErrors("1.6", "SetChargingProfile", request)).toEqual([]);
  });

  it("2.0.1 and 2.1: EVSE 0, no transactionId, no startSchedule", () => {
    const v201 = buildOcpp201FailSafeRequest({ ...input, rateUnit: "W", stackLevel: 1 });
    expect(v201.evseId).toBe(0);
    expect(v201.chargingProfile).toMatchObject({
      stackLevel: 1,
      chargingProfilePurpose: "TxDefaultProfile",
      chargingProfileKind: "Relative",
    });
    expect(v201.chargingProfile.transactionId).toBeUndefined();
    expect(v201.chargingProfile.chargingSchedule[0]?.chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 4140, numberPhases: 3 },
    ]);
    expect(schemaErrors("2.0.1", "SetChargingProfile", v201)).toEqual([]);
    const v21 = buildOcpp21FailSafeRequest(input);
    expect(v21.evseId).toBe(0);
    expect(schemaErrors("2.1", "SetChargingProfile", v21)).toEqual([]);
  });

  it("keeps the same id on every boot, so re-installing replaces it", () => {
    expect(buildOcpp201FailSafeRequest(input).chargingProfile.id).toBe(
      buildOcpp201FailSafeRequest({ ...input, limitW: 3000 }).chargingProfile.id,
    );
  });

  it("names the bad input field", () => {
    expect(errorField(() => buildOcpp16FailSafeRequest({ ...input, limitW: -1 }))).toBe("limitW");
    expect(errorField(() => buildOcpp16FailSafeRequest({ ...input, limitW: Number.NaN }))).toBe("limitW");
    expect(errorField(() => buildOcpp201FailSafeRequest({ ...input, voltageV: 0 }))).toBe("voltageV");
    expect(errorField(() => buildOcpp21FailSafeRequest({ ...input, phases: 4 as 3 }))).toBe("phases");
  });
});
