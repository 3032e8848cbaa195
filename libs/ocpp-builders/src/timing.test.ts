import { describe, expect, it } from "vitest";
import { errorField } from "./test-support/assertions.js";
import { SAMPLE_NOW } from "./test-support/sessions.js";
import { resolveTiming } from "./timing.js";

describe("resolveTiming", () => {
  it("is Absolute with a startSchedule when the clock is given", () => {
    expect(resolveTiming({ now: SAMPLE_NOW }, "tx", 1)).toEqual({
      kind: "Absolute",
      startSchedule: "2025-01-15T06:00:00Z",
    });
  });

  it("is Relative without a startSchedule when there is no clock and one period", () => {
    expect(resolveTiming({}, "tx", 1)).toEqual({ kind: "Relative" });
    expect(resolveTiming({ kind: "Relative", now: SAMPLE_NOW }, "tx", 3)).toEqual({ kind: "Relative" });
  });

  it("refuses to guess an anchor for a multi-period schedule", () => {
    expect(errorField(() => resolveTiming({}, "tx", 2))).toBe("now");
  });

  it("needs the clock for Absolute and Recurring", () => {
    expect(errorField(() => resolveTiming({ kind: "Absolute" }, "tx", 1))).toBe("now");
    expect(errorField(() => resolveTiming({ kind: "Recurring", recurrencyKind: "Daily" }, "tx", 1))).toBe(
      "now",
    );
  });

  it("pairs recurrencyKind with Recurring only", () => {
    expect(
      resolveTiming({ kind: "Recurring", recurrencyKind: "Weekly", now: SAMPLE_NOW }, "txDefault", 1),
    ).toEqual({
      kind: "Recurring",
      recurrencyKind: "Weekly",
      startSchedule: "2025-01-15T06:00:00Z",
    });
    expect(errorField(() => resolveTiming({ kind: "Recurring", now: SAMPLE_NOW }, "tx", 1))).toBe(
      "recurrencyKind",
    );
    expect(errorField(() => resolveTiming({ recurrencyKind: "Daily", now: SAMPLE_NOW }, "tx", 1))).toBe(
      "recurrencyKind",
    );
  });

  it("never makes a station max profile Relative (K01.FR.38)", () => {
    expect(errorField(() => resolveTiming({}, "stationMax", 1))).toBe("kind");
    expect(errorField(() => resolveTiming({ kind: "Relative", now: SAMPLE_NOW }, "stationMax", 1))).toBe(
      "kind",
    );
  });

  it("checks duration, validTo and the kind", () => {
    expect(
      resolveTiming({ now: SAMPLE_NOW, durationSeconds: 300, validTo: SAMPLE_NOW + 300_000 }, "tx", 1),
    ).toEqual({
      kind: "Absolute",
      startSchedule: "2025-01-15T06:00:00Z",
      duration: 300,
      validTo: "2025-01-15T06:05:00Z",
    });
    expect(errorField(() => resolveTiming({ durationSeconds: 0 }, "tx", 1))).toBe("durationSeconds");
    expect(errorField(() => resolveTiming({ now: SAMPLE_NOW, validTo: SAMPLE_NOW }, "tx", 1))).toBe(
      "validTo",
    );
    expect(errorField(() => resolveTiming({ kind: "Dynamic" as "Absolute", now: SAMPLE_NOW }, "tx", 1))).toBe(
      "kind",
    );
  });
});
