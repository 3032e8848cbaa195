import { describe, expect, it } from "vitest";
import { errorField } from "./test-support/assertions.js";
import {
  MAX_OCPP_INTEGER,
  requireFiniteNonNegative,
  requireInteger,
  requireOneOf,
  requirePositive,
} from "./validate.js";

describe("requireFiniteNonNegative", () => {
  it.each([Number.NaN, Infinity, -Infinity, -0.1, "5", undefined])("rejects %s", (value) => {
    expect(errorField(() => requireFiniteNonNegative("limitW", value))).toBe("limitW");
  });

  it("accepts 0 and positive numbers", () => {
    expect(requireFiniteNonNegative("limitW", 0)).toBe(0);
    expect(requireFiniteNonNegative("limitW", 7400.5)).toBe(7400.5);
  });
});

describe("requirePositive", () => {
  it("rejects 0", () => {
    expect(errorField(() => requirePositive("voltageV", 0))).toBe("voltageV");
    expect(requirePositive("voltageV", 230)).toBe(230);
  });
});

describe("requireInteger", () => {
  it("rejects fractions, values out of range and values beyond a 32-bit signed int", () => {
    expect(errorField(() => requireInteger("stackLevel", 1.5, 0))).toBe("stackLevel");
    expect(errorField(() => requireInteger("stackLevel", -1, 0))).toBe("stackLevel");
    expect(errorField(() => requireInteger("profileId", MAX_OCPP_INTEGER + 1, 1))).toBe("profileId");
    expect(requireInteger("profileId", MAX_OCPP_INTEGER, 1)).toBe(MAX_OCPP_INTEGER);
  });
});

describe("requireOneOf", () => {
  it("returns the matching value and names the field otherwise", () => {
    expect(requireOneOf("rateUnit", "A", ["W", "A"])).toBe("A");
    expect(errorField(() => requireOneOf("purpose", "MaxProfile", ["TxProfile"]))).toBe("purpose");
  });
});
