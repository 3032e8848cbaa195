import { describe, expect, it } from "vitest";
import { errorField } from "./test-support/assertions.js";
import { toOcppDateTime } from "./timestamps.js";

describe("toOcppDateTime", () => {
  it("formats epoch milliseconds and Dates as UTC whole seconds ending in Z", () => {
    expect(toOcppDateTime("now", Date.UTC(2025, 0, 15, 6, 0, 0, 999))).toBe("2025-01-15T06:00:00Z");
    expect(toOcppDateTime("now", new Date("2025-01-15T07:00:00+01:00"))).toBe("2025-01-15T06:00:00Z");
  });

  it("applies an offset in seconds", () => {
    expect(toOcppDateTime("now", Date.UTC(2025, 0, 15, 6, 0, 0), -60)).toBe("2025-01-15T05:59:00Z");
    expect(toOcppDateTime("now", Date.UTC(2025, 0, 15, 23, 59, 0), 120)).toBe("2025-01-16T00:01:00Z");
  });

  it("rejects invalid instants, naming the field", () => {
    expect(errorField(() => toOcppDateTime("now", Number.NaN))).toBe("now");
    expect(errorField(() => toOcppDateTime("validTo", new Date("not a date")))).toBe("validTo");
    expect(errorField(() => toOcppDateTime("now", Date.UTC(10000, 0, 1)))).toBe("now");
  });
});
