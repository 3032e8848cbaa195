import { describe, expect, it } from "vitest";
import type { UnitContext } from "./schedule.js";
import {
  MAX_SCHEDULE_PERIODS,
  checkStartPeriods,
  periodsFromManual,
  periodsFromPowerSchedule,
} from "./schedule.js";
import { errorField } from "./test-support/assertions.js";

const threePhaseAmps: UnitContext = { rateUnit: "A", numberPhases: 3, conversionPhases: 3, voltageV: 230 };
const watts: UnitContext = { rateUnit: "W", numberPhases: 3, conversionPhases: 3, voltageV: 230 };

describe("checkStartPeriods", () => {
  it("accepts a first period at 0 and strictly rising starts", () => {
    expect(() =>
      checkStartPeriods("schedule", [{ startPeriod: 0 }, { startPeriod: 1 }, { startPeriod: 3600 }]),
    ).not.toThrow();
  });

  it.each([
    [[], "schedule"],
    [[{ startPeriod: 60 }], "schedule[0].startPeriod"],
    [[{ startPeriod: 0 }, { startPeriod: 0 }], "schedule[1].startPeriod"],
    [[{ startPeriod: 0 }, { startPeriod: 600 }, { startPeriod: 300 }], "schedule[2].startPeriod"],
    [[{ startPeriod: 0 }, { startPeriod: 1.5 }], "schedule[1].startPeriod"],
    [[{ startPeriod: 0 }, { startPeriod: Number.NaN }], "schedule[1].startPeriod"],
  ])("rejects %j naming %s", (periods, field) => {
    expect(errorField(() => checkStartPeriods("schedule", periods))).toBe(field);
  });

  it("allows 1024 periods and rejects 1025", () => {
    const periods = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ startPeriod: index * 60 }));
    expect(() => checkStartPeriods("schedule", periods(MAX_SCHEDULE_PERIODS))).not.toThrow();
    expect(errorField(() => checkStartPeriods("schedule", periods(MAX_SCHEDULE_PERIODS + 1)))).toBe(
      "schedule",
    );
  });
});

describe("periodsFromPowerSchedule", () => {
  const schedule = [
    { startPeriod: 0, limitW: 13320 },
    { startPeriod: 3600, limitW: 4140 },
  ];

  it("keeps W totals as they are", () => {
    expect(periodsFromPowerSchedule(schedule, watts)).toEqual([
      { startPeriod: 0, limit: 13320, numberPhases: 3 },
      { startPeriod: 3600, limit: 4140, numberPhases: 3 },
    ]);
  });

  it("turns W totals into A per phase with the session's phases and voltage, rounding down", () => {
    expect(periodsFromPowerSchedule(schedule, threePhaseAmps)).toEqual([
      { startPeriod: 0, limit: 19.3, numberPhases: 3 },
      { startPeriod: 3600, limit: 6, numberPhases: 3 },
    ]);
  });

  it("leaves numberPhases out for DC", () => {
    expect(periodsFromPowerSchedule(schedule, { ...watts, numberPhases: undefined })[0]).toEqual({
      startPeriod: 0,
      limit: 13320,
    });
  });

  it("names the bad limit", () => {
    expect(errorField(() => periodsFromPowerSchedule([{ startPeriod: 0, limitW: -1 }], watts))).toBe(
      "schedule[0].limitW",
    );
    expect(errorField(() => periodsFromPowerSchedule([{ startPeriod: 0, limitW: Infinity }], watts))).toBe(
      "schedule[0].limitW",
    );
  });
});

describe("periodsFromManual", () => {
  it("floors limits to 0.1 and keeps a period's own numberPhases", () => {
    expect(
      periodsFromManual(
        [
          { startPeriod: 0, limit: 19.33 },
          { startPeriod: 600, limit: 16, numberPhases: 1 },
        ],
        threePhaseAmps,
      ),
    ).toEqual([
      { startPeriod: 0, limit: 19.3, numberPhases: 3 },
      { startPeriod: 600, limit: 16, numberPhases: 1 },
    ]);
  });

  it("rejects NaN limits and numberPhases for DC", () => {
    expect(errorField(() => periodsFromManual([{ startPeriod: 0, limit: Number.NaN }], watts))).toBe(
      "periods[0].limit",
    );
    expect(
      errorField(() =>
        periodsFromManual([{ startPeriod: 0, limit: 1, numberPhases: 3 }], {
          ...watts,
          numberPhases: undefined,
        }),
      ),
    ).toBe("periods[0].numberPhases");
  });
});
