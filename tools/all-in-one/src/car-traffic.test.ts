import { describe, expect, it } from "vitest";
import { emptyTraffic, minimumKw, trafficTick, type ChargerSpot } from "./car-traffic.js";
import { seededRandom } from "./random.js";

const spots: ChargerSpot[] = [
  { chargerId: "CP-1", panel: "a", maxHardwarePowerKw: 22, phases: 3 },
  { chargerId: "CP-2", panel: "a", maxHardwarePowerKw: 7.4, phases: 1 },
];
const options = { arrivalChance: 0.5, stayMs: [10_000, 20_000] as const };

describe("simulated car traffic", () => {
  it("starts and stops every session exactly once, on the charger it started on", () => {
    const state = emptyTraffic();
    const random = seededRandom(7);
    const open = new Map<string, string>();
    let started = 0;
    for (let now = 0; now < 600_000; now += 1_000) {
      for (const event of trafficTick(state, spots, now, random, options)) {
        if (event.type === "started") {
          expect(open.has(event.chargerId)).toBe(false);
          open.set(event.chargerId, event.transactionId);
          started += 1;
          expect(event.maxEvAcceptancePowerKw).toBeLessThanOrEqual(event.maxHardwarePowerKw ?? 0);
        } else {
          expect(open.get(event.chargerId)).toBe(event.transactionId);
          open.delete(event.chargerId);
        }
      }
    }
    expect(started).toBeGreaterThan(20);
  });

  it("replays the same traffic from the same seed", () => {
    const run = () => {
      const state = emptyTraffic();
      const random = seededRandom(42);
      return Array.from({ length: 60 }, (_, i) =>
        trafficTick(state, spots, i * 1_000, random, options),
      ).flat();
    };
    expect(run()).toEqual(run());
  });

  it("asks for 6 A per phase as the minimum", () => {
    expect(minimumKw(3)).toBe(4.14);
    expect(minimumKw(1)).toBe(1.38);
  });
});
