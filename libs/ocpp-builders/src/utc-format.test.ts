import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OcppProfileError } from "./errors.js";
import { toOcppDateTime } from "./timestamps.js";
import { formatUtcSeconds } from "./utc-format.js";

/** What toOcppDateTime wrote before it had its own formatter: Date#toISOString without the milliseconds. */
function viaIsoString(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, -5)}Z`;
}

const FIRST_MS = Date.parse("0000-01-01T00:00:00Z");
const LAST_MS = Date.parse("9999-12-31T23:59:59.999Z");

describe("formatUtcSeconds", () => {
  it("matches toISOString at the edges of days, leap days, eras and the four-digit range", () => {
    const edges = [
      FIRST_MS,
      LAST_MS - 999,
      0,
      -1000,
      Date.parse("1600-02-29T23:59:59Z"),
      Date.parse("1900-03-01T00:00:00Z"),
      Date.parse("2000-02-29T12:00:00Z"),
      Date.parse("2024-12-31T23:59:59Z"),
      Date.parse("2100-03-01T00:00:00Z"),
      Date.parse("0999-12-31T23:59:59Z"),
      Date.parse("0001-01-01T00:00:00Z"),
    ];
    for (const ms of edges) expect(formatUtcSeconds(ms)).toBe(viaIsoString(ms));
  });

  it("matches toISOString for every whole second in years 0000..9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_MS / 1000, max: Math.floor(LAST_MS / 1000) }), (seconds) => {
        expect(formatUtcSeconds(seconds * 1000)).toBe(viaIsoString(seconds * 1000));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("toOcppDateTime keeps the bytes it wrote through toISOString", () => {
  it("for instants with milliseconds and fractions of one, before and after 1970, with offsets", () => {
    fc.assert(
      fc.property(
        fc.double({ min: FIRST_MS + 3_600_000, max: LAST_MS - 3_600_000, noNaN: true }),
        fc.integer({ min: -3600, max: 3600 }),
        (ms, offset) => {
          expect(toOcppDateTime("now", ms, offset)).toBe(viaIsoString(ms + offset * 1000));
          expect(toOcppDateTime("now", new Date(ms))).toBe(viaIsoString(new Date(ms).getTime()));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("at the very edges of the range: four-digit years or an error naming the field", () => {
    expect(toOcppDateTime("now", LAST_MS + 0.5)).toBe("9999-12-31T23:59:59Z");
    expect(toOcppDateTime("now", FIRST_MS)).toBe("0000-01-01T00:00:00Z");
    // Half a millisecond before year 0 would floor into year -1, written "-000001-…".
    expect(() => toOcppDateTime("now", FIRST_MS - 0.5)).toThrow(
      new OcppProfileError("now", "is before year 0000"),
    );
    // Past the Date range too, where toISOString used to throw a bare RangeError.
    expect(() => toOcppDateTime("now", 1e16)).toThrow(new OcppProfileError("now", "is after year 9999"));
    expect(() => toOcppDateTime("now", Date.parse("+010000-01-01T00:00:00Z"))).toThrow(
      new OcppProfileError("now", "is after year 9999"),
    );
  });
});
