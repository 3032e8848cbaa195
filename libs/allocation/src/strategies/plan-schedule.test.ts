import { describe, expect, test } from "vitest";
import { fleet } from "../test-support/sessions.js";
import { planSchedule } from "./plan-schedule.js";

describe("planSchedule", () => {
  const sessions = fleet(2, { maxHardwarePowerKw: 22 });
  const request = {
    sessions,
    budget: { totalKw: 40 },
    voltageV: 230,
    strategy: {
      kind: "TIME_OF_USE",
      windows: [{ peakStartHour: 17, peakEndHour: 21, peakPowerMultiplier: 0.5 }],
      timeZone: "Europe/Berlin",
    },
  } as const;

  test("starts a period at every window edge within the next 24 h", () => {
    // 2026-01-15 12:00 Berlin (UTC+1) = 11:00Z; the peak is 16:00Z–20:00Z.
    const now = Date.UTC(2026, 0, 15, 11, 0);
    const plan = planSchedule({ ...request, now });
    expect(plan.periods.map((p) => [p.startPeriod, p.budgetKw])).toEqual([
      [0, 40],
      [5 * 3600, 20],
      [9 * 3600, 40],
    ]);
    expect(plan.sessions[0]?.periods.map((p) => p.limitW)).toEqual([20000, 10000, 20000]);
  });

  test("first period starts at 0 and periods rise strictly", () => {
    const plan = planSchedule({ ...request, now: Date.UTC(2026, 2, 29, 0, 7) });
    const starts = plan.periods.map((p) => p.startPeriod);
    expect(starts[0]).toBe(0);
    starts.slice(1).forEach((s, i) => expect(s).toBeGreaterThan(starts[i] ?? Infinity));
  });

  test("without time-of-use the plan is a single period", () => {
    const plan = planSchedule({ ...request, strategy: { kind: "EQUAL_SHARE" }, now: 0 });
    expect(plan.periods).toHaveLength(1);
  });
});
