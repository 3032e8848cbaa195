import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasAtMostOneDecimal } from "./test-support/assertions.js";
import { floorToTenth, wattsToAmpsPerPhase } from "./units.js";

describe("floorToTenth", () => {
  it.each([
    [19.33, 19.3],
    [19.39, 19.3],
    [19.3, 19.3],
    [0.3, 0.3],
    [0.29999, 0.2],
    [2.0289855, 2],
    [7400, 7400],
    [0, 0],
  ])("floors %d to %d", (value, expected) => {
    expect(floorToTenth(value)).toBe(expected);
  });

  it("never rounds up, loses less than 0.1 and prints at most one decimal", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (value) => {
        const floored = floorToTenth(value);
        expect(floored).toBeLessThanOrEqual(value);
        expect(value - floored).toBeLessThan(0.1 + 1e-9);
        expect(hasAtMostOneDecimal(floored)).toBe(true);
      }),
    );
  });
});

describe("wattsToAmpsPerPhase", () => {
  it("divides the total by voltage and phases, rounding down", () => {
    expect(wattsToAmpsPerPhase(13320, 3, 230)).toBe(19.3);
    expect(wattsToAmpsPerPhase(4140, 3, 230)).toBe(6);
    expect(wattsToAmpsPerPhase(7400, 1, 230)).toBe(32.1);
    expect(wattsToAmpsPerPhase(0, 3, 230)).toBe(0);
  });

  it("never gives a current whose power exceeds the watts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.constantFrom(1, 2, 3),
        fc.integer({ min: 1000, max: 2770 }).map((tenths) => tenths / 10),
        (watts, phases, voltageV) => {
          const amps = wattsToAmpsPerPhase(watts, phases, voltageV);
          expect(amps * voltageV * phases).toBeLessThanOrEqual(watts);
          expect(hasAtMostOneDecimal(amps)).toBe(true);
          // Rounding down costs less than 0.1 A per phase.
          expect(watts / (voltageV * phases) - amps).toBeLessThan(0.1 + 1e-9);
        },
      ),
    );
  });
});
