import { describe, expect, it } from "vitest";
import { resolveMinChargingRate, resolvePeriods, resolveUnits } from "./limits.js";
import { errorField } from "./test-support/assertions.js";
import { sampleSession } from "./test-support/sessions.js";

describe("resolveUnits", () => {
  it("defaults to W and the session's phases", () => {
    expect(resolveUnits(sampleSession(), {}, "AC")).toEqual({
      rateUnit: "W",
      numberPhases: 3,
      conversionPhases: 3,
      voltageV: 230,
    });
  });

  it("converts with the larger of session phases and numberPhases, so A never overshoots", () => {
    expect(resolveUnits(sampleSession({ phases: 1 }), { numberPhases: 3 }, "AC").conversionPhases).toBe(3);
    expect(resolveUnits(sampleSession({ phases: 3 }), { numberPhases: 1 }, "AC").conversionPhases).toBe(3);
  });

  it("keeps DC in W and without phases", () => {
    expect(resolveUnits(sampleSession(), {}, "DC").numberPhases).toBeUndefined();
    expect(errorField(() => resolveUnits(sampleSession(), { rateUnit: "A" }, "DC"))).toBe("rateUnit");
    expect(errorField(() => resolveUnits(sampleSession(), { numberPhases: 3 }, "DC"))).toBe("numberPhases");
    expect(errorField(() => resolveUnits(sampleSession(), { rateUnit: "kW" as "W" }, "AC"))).toBe("rateUnit");
  });
});

describe("resolvePeriods", () => {
  it("turns the allocation into one period", () => {
    const session = sampleSession();
    expect(resolvePeriods(session, {}, resolveUnits(session, {}, "AC"))).toEqual([
      { startPeriod: 0, limit: 13320, numberPhases: 3 },
    ]);
    expect(resolvePeriods(session, {}, resolveUnits(session, { rateUnit: "A" }, "AC"))).toEqual([
      { startPeriod: 0, limit: 19.3, numberPhases: 3 },
    ]);
  });

  it("uses the smaller of the reported amps and the amps the watts imply", () => {
    const session = sampleSession({ allocatedAmpsPerPhase: 10 });
    expect(resolvePeriods(session, {}, resolveUnits(session, { rateUnit: "A" }, "AC"))[0]?.limit).toBe(10);
    const sloppy = sampleSession({ allocatedAmpsPerPhase: 19.33 });
    expect(resolvePeriods(sloppy, {}, resolveUnits(sloppy, { rateUnit: "A" }, "AC"))[0]?.limit).toBe(19.3);
  });

  it("refuses periods and schedule together", () => {
    const session = sampleSession();
    const options = { periods: [{ startPeriod: 0, limit: 1 }], schedule: [{ startPeriod: 0, limitW: 1 }] };
    expect(errorField(() => resolvePeriods(session, options, resolveUnits(session, options, "AC")))).toBe(
      "schedule",
    );
  });
});

describe("resolveMinChargingRate", () => {
  it("converts the EV's minimum for transaction profiles", () => {
    const session = sampleSession({ minChargeRateKw: 4.1 });
    expect(resolveMinChargingRate(session, resolveUnits(session, {}, "AC"), "tx")).toBe(4100);
    expect(resolveMinChargingRate(session, resolveUnits(session, { rateUnit: "A" }, "AC"), "txDefault")).toBe(
      5.9,
    );
  });

  it("leaves it out for station-wide caps and when there is no minimum", () => {
    const session = sampleSession();
    expect(resolveMinChargingRate(session, resolveUnits(session, {}, "AC"), "stationMax")).toBeUndefined();
    const noMinimum = sampleSession({ minChargeRateKw: 0 });
    expect(resolveMinChargingRate(noMinimum, resolveUnits(noMinimum, {}, "AC"), "tx")).toBeUndefined();
  });
});
