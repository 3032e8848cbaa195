import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { budgetArb, sessionsArb, strategyArb } from "../test-support/arbitraries.js";
import type { ActiveSession, Budget, Phase, SessionProfile } from "../types.js";
import { allocate, type AllocationResult } from "./allocate.js";
import { multiplierAt } from "../strategies/time-of-use.js";

const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 2000);
const PHASES: Phase[] = ["L1", "L2", "L3"];
/** Floating-point dust allowed when summing currents: a nanoampere. */
const DUST_A = 1e-9;

const capW = (s: ActiveSession) =>
  Math.floor(Math.min(s.maxHardwarePowerKw ?? Infinity, s.maxEvAcceptancePowerKw ?? Infinity) * 1000 + 1e-6);
const minW = (s: ActiveSession) => Math.min(Math.ceil((s.minChargeRateKw ?? 0) * 1000 - 1e-6), capW(s));
const phaseAmps = (profiles: readonly SessionProfile[], phase: Phase) =>
  profiles.reduce(
    (a, p) => a + (p.panelPhases.includes(phase) ? p.allocatedW / (p.voltageV * p.phases) : 0),
    0,
  );

const siteArb = fc
  .record({
    sessions: sessionsArb(40),
    withPhases: fc.boolean(),
    strategy: strategyArb,
    voltageV: fc.constantFrom(230, 120, 240, 277),
    now: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
  })
  .chain((site) => budgetArb(site.withPhases).map((budget) => ({ ...site, budget })));

function effectiveBudget(budget: Budget, result: AllocationResult): Budget {
  return { ...budget, totalKw: result.budgetKw };
}

describe("the solver's safety promises hold on random sites", () => {
  test("1. never above the budget, any phase's current, or a session's cap", () => {
    fc.assert(
      fc.property(siteArb, ({ sessions, budget, strategy, voltageV, now }) => {
        const result = allocate({ sessions, budget, strategy, voltageV, now });
        expect(result.budgetKw).toBeLessThanOrEqual(budget.totalKw);
        const totalW = result.profiles.reduce((a, p) => a + p.allocatedW, 0);
        expect(totalW).toBeLessThanOrEqual(result.budgetKw * 1000 + 1e-6);
        for (const phase of PHASES) {
          if (budget.phaseAmps)
            expect(phaseAmps(result.profiles, phase)).toBeLessThanOrEqual(budget.phaseAmps[phase] + DUST_A);
        }
        result.profiles.forEach((p, i) =>
          expect(p.allocatedW).toBeLessThanOrEqual(capW(sessions[i] as ActiveSession)),
        );
      }),
      { numRuns: RUNS },
    );
  });

  test("2. every session gets 0 or at least its minimum, never a value in between", () => {
    fc.assert(
      fc.property(siteArb, ({ sessions, budget, strategy, voltageV, now }) => {
        const result = allocate({ sessions, budget, strategy, voltageV, now });
        result.profiles.forEach((p, i) => {
          if (p.allocatedW > 0)
            expect(p.allocatedW).toBeGreaterThanOrEqual(minW(sessions[i] as ActiveSession));
          expect(p.paused).toBe(p.reason === "paused");
          if (p.paused) expect(p.allocatedW).toBe(0);
        });
      }),
      { numRuns: RUNS },
    );
  });

  test("3. sessions are paused only when the minimums cannot all be met", () => {
    fc.assert(
      fc.property(siteArb, ({ sessions, budget, strategy, voltageV, now }) => {
        fc.pre(strategy.kind !== "CUSTOM");
        const result = allocate({ sessions, budget, strategy, voltageV, now });
        const mins = result.profiles.map((p, i) => ({
          ...p,
          allocatedW: minW(sessions[i] as ActiveSession),
        }));
        const totalMin = mins.reduce((a, p) => a + p.allocatedW, 0);
        const minsFit =
          totalMin <= Math.floor(result.budgetKw * 1000 + 1e-6) &&
          PHASES.every((ph) => !budget.phaseAmps || phaseAmps(mins, ph) <= budget.phaseAmps[ph] - DUST_A);
        if (minsFit) expect(result.profiles.filter((p) => p.paused)).toEqual([]);
        expect(result.feasible).toBe(result.profiles.every((p) => !p.paused));
      }),
      { numRuns: RUNS },
    );
  });

  test("4. work-conserving: a session below its cap is held by a constraint that is used up", () => {
    fc.assert(
      fc.property(siteArb, ({ sessions, budget, strategy, voltageV, now }) => {
        fc.pre(strategy.kind !== "CUSTOM");
        const result = allocate({ sessions, budget, strategy, voltageV, now });
        const eff = effectiveBudget(budget, result);
        // Rounding down to whole watts may leave up to 1 W per charging session unused.
        const slackW = result.profiles.filter((p) => !p.paused).length + 1;
        const totalLeft = eff.totalKw * 1000 - result.profiles.reduce((a, p) => a + p.allocatedW, 0);
        result.profiles.forEach((p, i) => {
          if (p.paused || p.allocatedW >= capW(sessions[i] as ActiveSession)) return;
          const phaseFull = p.panelPhases.some(
            (ph) =>
              eff.phaseAmps && eff.phaseAmps[ph] - phaseAmps(result.profiles, ph) < slackW / (voltageV * 1),
          );
          expect(totalLeft < slackW || phaseFull).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  test("5. equal share is max-min fair: budget-bound sessions get the same, and no less than anyone below its cap", () => {
    fc.assert(
      fc.property(
        sessionsArb(40),
        budgetArb(false),
        fc.constantFrom(230, 120),
        (sessions, budget, voltageV) => {
          const result = allocate({ sessions, budget, strategy: { kind: "EQUAL_SHARE" }, voltageV, now: 0 });
          const shares = result.profiles.filter((p) => p.reason === "budget").map((p) => p.allocatedW);
          if (shares.length === 0) return;
          const level = Math.min(...shares);
          expect(Math.max(...shares) - level).toBeLessThanOrEqual(1);
          for (const p of result.profiles) {
            if (p.reason === "hardware-cap" || p.reason === "ev-cap")
              expect(p.allocatedW).toBeLessThanOrEqual(level + 1);
            if (p.reason === "minimum") expect(p.allocatedW).toBeGreaterThanOrEqual(level - 1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("6. rounding goes down: whole watts, 0.1 A, and amps never above the watts", () => {
    fc.assert(
      fc.property(siteArb, ({ sessions, budget, strategy, voltageV, now }) => {
        const result = allocate({ sessions, budget, strategy, voltageV, now });
        for (const p of result.profiles) {
          expect(Number.isInteger(p.allocatedW)).toBe(true);
          expect(Number.isInteger(Math.round(p.allocatedAmpsPerPhase * 10))).toBe(true);
          expect(
            Math.abs(p.allocatedAmpsPerPhase * 10 - Math.round(p.allocatedAmpsPerPhase * 10)),
          ).toBeLessThan(1e-9);
          expect(p.allocatedAmpsPerPhase * p.voltageV * p.phases).toBeLessThanOrEqual(p.allocatedW + 1e-6);
          expect(p.allocatedKw).toBe(p.allocatedW / 1000);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("time-of-use applies the peak multiplier of the window in force", () => {
    fc.assert(
      fc.property(siteArb, ({ sessions, budget, strategy, voltageV, now }) => {
        fc.pre(strategy.kind === "TIME_OF_USE");
        if (strategy.kind !== "TIME_OF_USE") return;
        const result = allocate({ sessions, budget, strategy, voltageV, now });
        expect(result.budgetKw).toBeCloseTo(
          budget.totalKw * multiplierAt(strategy.windows, strategy.timeZone, now),
          9,
        );
      }),
      { numRuns: 200 },
    );
  });
});
