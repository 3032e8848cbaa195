import { Ajv } from "ajv";
import { OCPP16 } from "typed-ocpp";
import { describe, expect, it } from "vitest";
import {
  buildOcpp16SetChargingProfileRequest,
  buildOcpp201SetChargingProfileRequest,
  buildOcpp21SetChargingProfileRequest,
} from "../set-requests.js";
import type { OcppVersion } from "./schemas.js";
import { OCPP_VERSIONS, createStrictAjv, dropInertKeywords, schemaErrors } from "./schemas.js";
import { SAMPLE_NOW, sampleSession } from "./sessions.js";

const SOURCES = ["typed-ocpp schema", "ocpp-rpc schema", "ocpp-rpc validator"];

function validRequest(version: OcppVersion): Record<string, unknown> {
  const session = sampleSession();
  const request =
    version === "1.6"
      ? buildOcpp16SetChargingProfileRequest(session, { now: SAMPLE_NOW })
      : version === "2.0.1"
        ? buildOcpp201SetChargingProfileRequest(session, { now: SAMPLE_NOW })
        : buildOcpp21SetChargingProfileRequest(session, { now: SAMPLE_NOW });
  return { ...request };
}

const sourcesOf = (errors: string[]) =>
  SOURCES.filter((source) => errors.some((error) => error.startsWith(source)));

describe("schemaErrors", () => {
  it.each(OCPP_VERSIONS)("%s: all three validators accept a valid request", (version) => {
    expect(schemaErrors(version, "SetChargingProfile", validRequest(version))).toEqual([]);
  });

  it.each(OCPP_VERSIONS)("%s: all three validators reject an unknown field", (version) => {
    expect(
      sourcesOf(schemaErrors(version, "SetChargingProfile", { ...validRequest(version), vendorExtra: 1 })),
    ).toEqual(SOURCES);
  });

  it.each(OCPP_VERSIONS)("%s: all three validators reject a missing required field", (version) => {
    const request = validRequest(version);
    delete request[version === "1.6" ? "connectorId" : "evseId"];
    expect(sourcesOf(schemaErrors(version, "SetChargingProfile", request))).toEqual(SOURCES);
  });

  it("all three reject a 1.6 limit with two decimals", () => {
    const request = validRequest("1.6");
    const profile = request["csChargingProfiles"] as {
      chargingSchedule: { chargingSchedulePeriod: { limit: number }[] };
    };
    const period = profile.chargingSchedule.chargingSchedulePeriod[0];
    if (period === undefined) throw new Error("no period");
    period.limit = 19.33;
    expect(sourcesOf(schemaErrors("1.6", "SetChargingProfile", request))).toEqual(SOURCES);
  });

  it("2.1: all three reject a positive dischargeLimit", () => {
    const request = validRequest("2.1");
    const profile = request["chargingProfile"] as {
      chargingSchedule: { chargingSchedulePeriod: Record<string, unknown>[] }[];
    };
    const period = profile.chargingSchedule[0]?.chargingSchedulePeriod[0];
    if (period === undefined) throw new Error("no period");
    period["dischargeLimit"] = 7400;
    expect(sourcesOf(schemaErrors("2.1", "SetChargingProfile", request))).toEqual(SOURCES);
  });
});

describe("why our own Ajv", () => {
  it("typed-ocpp's validateCall strips an unknown field and reports the call as valid", () => {
    const payload = { ...validRequest("1.6"), vendorExtra: 1 };
    expect(OCPP16.validateCall([2, "1", "SetChargingProfile", payload])).toBe(true);
    expect(payload).not.toHaveProperty("vendorExtra");
  });

  it("plain Ajv rejects 0.3 as a multiple of 0.1; multipleOfPrecision accepts it and still rejects 0.33", () => {
    const schema = { type: "number", multipleOf: 0.1 };
    expect(new Ajv().validate(schema, 0.3)).toBe(false);
    const validate = createStrictAjv().compile(schema);
    expect(validate(0.3)).toBe(true);
    expect(validate(0.33)).toBe(false);
  });

  it("strict mode knows the OCA annotation keywords as no-ops", () => {
    const validate = createStrictAjv().compile({ type: "integer", comment: "OCA", javaType: "Integer" });
    expect(validate(3)).toBe(true);
    expect(validate("3")).toBe(false);
  });
});

describe("dropInertKeywords", () => {
  it("drops additionalProperties on non-object types and additionalItems next to a single items schema only", () => {
    const schema = {
      type: "object",
      additionalProperties: false,
      properties: {
        unit: { type: "string", additionalProperties: false, enum: ["W", "A"] },
        periods: { type: "array", additionalItems: false, items: { type: "integer" } },
        tuple: { type: "array", additionalItems: false, items: [{ type: "integer" }] },
      },
    };
    expect(dropInertKeywords(schema)).toEqual({
      type: "object",
      additionalProperties: false,
      properties: {
        unit: { type: "string", enum: ["W", "A"] },
        periods: { type: "array", items: { type: "integer" } },
        tuple: { type: "array", additionalItems: false, items: [{ type: "integer" }] },
      },
    });
  });

  it("does not touch the input", () => {
    const schema = { type: "string", additionalProperties: false };
    dropInertKeywords(schema);
    expect(schema).toEqual({ type: "string", additionalProperties: false });
  });
});
