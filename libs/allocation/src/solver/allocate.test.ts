import { describe, expect, test } from "vitest";
import { activeSession, fleet } from "../test-support/sessions.js";
import { allocate } from "./allocate.js";

const equalShare = { kind: "EQUAL_SHARE" } as const;

describe("allocate", () => {
  test("an oversubscribed depot pauses cars instead of starving everyone below the minimum", () => {
    const result = allocate({
      sessions: fleet(10, { minChargeRateKw: 4.14, maxHardwarePowerKw: 22 }),
      budget: { totalKw: 30 },
      voltageV: 230,
      strategy: equalShare,
      now: 0,
    });
    const charging = result.profiles.filter((p) => !p.paused);
    expect(charging).toHaveLength(7);
    for (const p of charging) expect(p.allocatedKw).toBeGreaterThanOrEqual(4.14);
    expect(result.profiles.filter((p) => p.paused).map((p) => p.allocatedW)).toEqual([0, 0, 0]);
    expect(result.feasible).toBe(false);
    expect(result.allocatedKw).toBeLessThanOrEqual(30);
  });

  test("power a capped car cannot use goes to the others", () => {
    const result = allocate({
      sessions: [
        activeSession({ transactionId: "a", maxHardwarePowerKw: 3.7 }),
        activeSession({ transactionId: "b", maxHardwarePowerKw: 22 }),
        activeSession({ transactionId: "c", maxHardwarePowerKw: 22 }),
      ],
      budget: { totalKw: 30 },
      voltageV: 230,
      strategy: equalShare,
      now: 0,
    });
    expect(result.profiles.map((p) => [p.allocatedW, p.reason])).toEqual([
      [3700, "hardware-cap"],
      [13150, "budget"],
      [13150, "budget"],
    ]);
  });

  test("single-phase cars on a loaded conductor are limited by that phase", () => {
    const result = allocate({
      sessions: [
        activeSession({ transactionId: 1, phases: 1, panelPhases: ["L1"], maxHardwarePowerKw: 7.4 }),
        activeSession({ transactionId: 2, phases: 1, panelPhases: ["L1"], maxHardwarePowerKw: 7.4 }),
        activeSession({ transactionId: 3, phases: 1, panelPhases: ["L2"], maxHardwarePowerKw: 7.4 }),
      ],
      budget: { totalKw: 50, phaseAmps: { L1: 32, L2: 32, L3: 32 } },
      voltageV: 230,
      strategy: equalShare,
      now: 0,
    });
    const [a, b, c] = result.profiles;
    expect(a?.reason).toBe("phase");
    expect(a?.limitingPhase).toBe("L1");
    expect((a?.allocatedAmpsPerPhase ?? 0) + (b?.allocatedAmpsPerPhase ?? 0)).toBeLessThanOrEqual(32);
    // L2 carries only car 3: 32 A × 230 V = 7360 W, just under its 7.4 kW charger.
    expect([c?.allocatedW, c?.reason, c?.limitingPhase]).toEqual([7360, "phase", "L2"]);
  });
});
