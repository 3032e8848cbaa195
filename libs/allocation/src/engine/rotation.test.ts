import { describe, expect, test } from "vitest";
import { SmartChargingEngine } from "../index.js";

const MINUTE = 60_000;

/** A depot with room for 7 of 10 cars at their minimum, observed every minute for two hours. */
function depot(minDwellMs: number) {
  let now = 0;
  const engine = new SmartChargingEngine({
    siteId: "DEPOT",
    maxGridPowerKw: 30,
    safetyMarginPct: 0,
    minDwellMs,
    clock: () => now,
    dispatcher: async () => undefined,
  });
  for (let id = 1; id <= 10; id++)
    engine.addSession({ transactionId: id, clientId: `CP-${id}`, minChargeRateKw: 4.14 });
  const timeline: boolean[][] = [];
  for (now = 0; now <= 120 * MINUTE; now += MINUTE) timeline.push(engine.optimize().map((p) => !p.paused));
  return timeline;
}

describe("pausing rotates with hysteresis", () => {
  test("every paused car gets its turn within the next dwell periods", () => {
    const timeline = depot(15 * MINUTE);
    for (let car = 0; car < 10; car++) {
      const chargedMinutes = timeline.filter((minute) => minute[car]).length;
      expect(chargedMinutes).toBeGreaterThan(60);
    }
    for (const minute of timeline) expect(minute.filter(Boolean)).toHaveLength(7);
  });

  test("a car that starts or resumes keeps charging for at least the dwell time", () => {
    const dwellMinutes = 15;
    const timeline = depot(dwellMinutes * MINUTE);
    for (let car = 0; car < 10; car++) {
      const states = timeline.map((minute) => minute[car] === true);
      let runStart = 0;
      for (let t = 1; t < states.length; t++) {
        if (states[t] && !states[t - 1]) runStart = t;
        if (!states[t] && states[t - 1]) expect(t - runStart).toBeGreaterThanOrEqual(dwellMinutes);
      }
    }
  });
});
