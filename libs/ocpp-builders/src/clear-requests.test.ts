import { describe, expect, it } from "vitest";
import type { Ocpp16ClearCriteria, Ocpp2ClearCriteria } from "./clear-requests.js";
import {
  buildOcpp16ClearChargingProfileRequest,
  buildOcpp201ClearChargingProfileRequest,
  buildOcpp21ClearChargingProfileRequest,
} from "./clear-requests.js";
import type { Ocpp16Purpose } from "./ocpp16.js";
import { buildOcpp201Profile } from "./ocpp201.js";
import { errorField } from "./test-support/assertions.js";
import type { OcppVersion } from "./test-support/schemas.js";
import { schemaErrors } from "./test-support/schemas.js";
import { SAMPLE_NOW, sampleSession } from "./test-support/sessions.js";

const expectValid = (version: OcppVersion, request: unknown) =>
  expect(schemaErrors(version, "ClearChargingProfile", request)).toEqual([]);

describe("1.6 ClearChargingProfile", () => {
  it("clears one profile by id", () => {
    const request = buildOcpp16ClearChargingProfileRequest({ chargingProfileId: 710099896 });
    expect(request).toEqual({ id: 710099896 });
    expectValid("1.6", request);
  });

  it("clears by purpose, optionally narrowed by connector and stack level", () => {
    const request = buildOcpp16ClearChargingProfileRequest({
      purpose: "TxProfile",
      connectorId: 1,
      stackLevel: 0,
    });
    expect(request).toEqual({ connectorId: 1, chargingProfilePurpose: "TxProfile", stackLevel: 0 });
    expectValid("1.6", request);
    expect(buildOcpp16ClearChargingProfileRequest({ purpose: "TxDefaultProfile" })).toEqual({
      chargingProfilePurpose: "TxDefaultProfile",
    });
  });

  it("never builds an empty clear that would wipe the ChargePointMaxProfile", () => {
    expect(errorField(() => buildOcpp16ClearChargingProfileRequest({} as { purpose: Ocpp16Purpose }))).toBe(
      "purpose",
    );
    expect(
      errorField(() =>
        buildOcpp16ClearChargingProfileRequest({ purpose: undefined } as unknown as {
          purpose: Ocpp16Purpose;
        }),
      ),
    ).toBe("purpose");
    expect(
      errorField(() => buildOcpp16ClearChargingProfileRequest({ connectorId: 0 } as Ocpp16ClearCriteria)),
    ).toBe("purpose");
  });

  it("refuses ambiguous or invalid targets", () => {
    const both = { chargingProfileId: 5, purpose: "TxProfile" } as unknown as { chargingProfileId: number };
    expect(errorField(() => buildOcpp16ClearChargingProfileRequest(both))).toBe("chargingProfileId");
    expect(errorField(() => buildOcpp16ClearChargingProfileRequest({ chargingProfileId: 0 }))).toBe(
      "chargingProfileId",
    );
    expect(
      errorField(() => buildOcpp16ClearChargingProfileRequest({ purpose: "TxProfile", stackLevel: -1 })),
    ).toBe("stackLevel");
    expect(
      errorField(() => buildOcpp16ClearChargingProfileRequest({ purpose: "Everything" as Ocpp16Purpose })),
    ).toBe("purpose");
  });
});

describe("2.0.1 and 2.1 ClearChargingProfile", () => {
  it("clears the profile a builder installed, by its stable id", () => {
    const { id } = buildOcpp201Profile(sampleSession(), { now: SAMPLE_NOW });
    const request = buildOcpp201ClearChargingProfileRequest({ chargingProfileId: id });
    expect(request).toEqual({ chargingProfileId: id });
    expectValid("2.0.1", request);
  });

  it("clears by criteria that always name a purpose", () => {
    const request = buildOcpp201ClearChargingProfileRequest({
      purpose: "TxProfile",
      evseId: 1,
      stackLevel: 0,
    });
    expect(request).toEqual({
      chargingProfileCriteria: { evseId: 1, chargingProfilePurpose: "TxProfile", stackLevel: 0 },
    });
    expectValid("2.0.1", request);
    const v21 = buildOcpp21ClearChargingProfileRequest({ purpose: "PriorityCharging" });
    expect(v21).toEqual({ chargingProfileCriteria: { chargingProfilePurpose: "PriorityCharging" } });
    expectValid("2.1", v21);
    expectValid("2.1", buildOcpp21ClearChargingProfileRequest({ chargingProfileId: 12 }));
  });

  it("never builds empty criteria and refuses ExternalConstraints", () => {
    expect(
      errorField(() =>
        buildOcpp201ClearChargingProfileRequest({ evseId: 0 } as Ocpp2ClearCriteria<"TxProfile">),
      ),
    ).toBe("purpose");
    expect(
      errorField(() =>
        buildOcpp21ClearChargingProfileRequest(null as unknown as { chargingProfileId: number }),
      ),
    ).toBe("purpose");
    const external = { purpose: "ChargingStationExternalConstraints" } as unknown as { purpose: "TxProfile" };
    expect(errorField(() => buildOcpp21ClearChargingProfileRequest(external))).toBe("purpose");
    expect(
      errorField(() => buildOcpp21ClearChargingProfileRequest({ purpose: "TxProfile", evseId: -1 })),
    ).toBe("evseId");
  });
});
