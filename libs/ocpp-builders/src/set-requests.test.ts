import { describe, expect, it } from "vitest";
import {
  buildOcpp16SetChargingProfileRequest,
  buildOcpp201SetChargingProfileRequest,
  buildOcpp21SetChargingProfileRequest,
} from "./set-requests.js";
import { schemaErrors } from "./test-support/schemas.js";
import { SAMPLE_NOW, sampleSession } from "./test-support/sessions.js";

describe("SetChargingProfile request builders", () => {
  it("1.6: wraps the profile with the session's connector", () => {
    const request = buildOcpp16SetChargingProfileRequest(sampleSession({ connectorId: 2 }), {
      now: SAMPLE_NOW,
    });
    expect(request.connectorId).toBe(2);
    expect(request.csChargingProfiles.chargingProfilePurpose).toBe("TxProfile");
    expect(schemaErrors("1.6", "SetChargingProfile", request)).toEqual([]);
  });

  it("1.6: sends a ChargePointMaxProfile to connector 0 whatever the session's connector", () => {
    const request = buildOcpp16SetChargingProfileRequest(sampleSession({ connectorId: 2 }), {
      purpose: "ChargePointMaxProfile",
      now: SAMPLE_NOW,
    });
    expect(request.connectorId).toBe(0);
    expect(schemaErrors("1.6", "SetChargingProfile", request)).toEqual([]);
  });

  it("2.0.1: wraps the profile as { evseId, chargingProfile }", () => {
    const request = buildOcpp201SetChargingProfileRequest(sampleSession({ connectorId: 3 }), {
      now: SAMPLE_NOW,
    });
    expect(request.evseId).toBe(3);
    expect(request.chargingProfile.transactionId).toBe("42");
    expect(schemaErrors("2.0.1", "SetChargingProfile", request)).toEqual([]);
  });

  it("2.0.1: sends ChargingStationMaxProfile and a station-wide TxDefaultProfile to EVSE 0", () => {
    const max = buildOcpp201SetChargingProfileRequest(sampleSession(), {
      purpose: "ChargingStationMaxProfile",
      now: SAMPLE_NOW,
    });
    const stationDefault = buildOcpp201SetChargingProfileRequest(sampleSession(), {
      purpose: "TxDefaultProfile",
      evseId: 0,
    });
    expect([max.evseId, stationDefault.evseId]).toEqual([0, 0]);
    expect(schemaErrors("2.0.1", "SetChargingProfile", max)).toEqual([]);
    expect(schemaErrors("2.0.1", "SetChargingProfile", stationDefault)).toEqual([]);
  });

  it("2.1: wraps the profile as { evseId, chargingProfile }", () => {
    const request = buildOcpp21SetChargingProfileRequest(sampleSession(), {
      now: SAMPLE_NOW,
      dischargeLimitW: 3000,
    });
    expect(request.evseId).toBe(1);
    expect(schemaErrors("2.1", "SetChargingProfile", request)).toEqual([]);
  });
});
