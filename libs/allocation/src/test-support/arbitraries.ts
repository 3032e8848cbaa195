import fc from "fast-check";
import type { ActiveSession, Budget, Phase, PhaseCount, StrategyFn } from "../types.js";
import type { StrategySpec } from "../solver/strategy-spec.js";

const phaseSets: Record<PhaseCount, readonly (readonly Phase[])[]> = {
  1: [["L1"], ["L2"], ["L3"]],
  2: [
    ["L1", "L2"],
    ["L2", "L3"],
    ["L1", "L3"],
  ],
  3: [["L1", "L2", "L3"]],
};

const kw = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });

export const sessionArb = (id: number): fc.Arbitrary<ActiveSession> =>
  fc
    .record({
      phases: fc.constantFrom<PhaseCount>(1, 2, 3),
      phaseSet: fc.nat({ max: 2 }),
      hw: fc.option(fc.double({ min: 1, max: 350, noNaN: true }), { nil: undefined }),
      ev: fc.option(fc.oneof(fc.constant(0), kw(350)), { nil: undefined }),
      min: fc.oneof(fc.constant(0), kw(12)),
      priority: fc.integer({ min: 0, max: 5 }),
      addedAt: fc.nat({ max: 1000 }),
    })
    .map(({ phases, phaseSet, hw, ev, min, priority, addedAt }) => {
      const sets = phaseSets[phases];
      return {
        transactionId: id,
        clientId: `CP-${id}`,
        connectorId: 1,
        phases,
        panelPhases: sets[phaseSet % sets.length] ?? ["L1", "L2", "L3"],
        ...(hw !== undefined ? { maxHardwarePowerKw: hw } : {}),
        ...(ev !== undefined ? { maxEvAcceptancePowerKw: ev } : {}),
        minChargeRateKw: min,
        priority,
        addedAt,
      };
    });

export const sessionsArb = (maxLength: number): fc.Arbitrary<ActiveSession[]> =>
  fc
    .integer({ min: 0, max: maxLength })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => sessionArb(i + 1))));

export const budgetArb = (withPhases: boolean): fc.Arbitrary<Budget> =>
  withPhases
    ? fc
        .record({ totalKw: kw(400), L1: kw(250), L2: kw(250), L3: kw(250) })
        .map(({ totalKw, L1, L2, L3 }) => ({ totalKw, phaseAmps: { L1, L2, L3 } }))
    : kw(400).map((totalKw) => ({ totalKw }));

/** A custom strategy that answers with arbitrary (sometimes unsafe) numbers. */
const unrulyStrategy =
  (seed: number): StrategyFn =>
  (sessions) =>
    sessions.map((s, i) => {
      const pick = (seed + i * 7919) % 5;
      const allocatedKw = [-3, Number.NaN, 1000, 0.5, (seed % 50) + i][pick] ?? 0;
      return { transactionId: s.transactionId, allocatedKw } as ReturnType<StrategyFn>[number];
    });

export const strategyArb: fc.Arbitrary<StrategySpec> = fc.oneof(
  fc.constant<StrategySpec>({ kind: "EQUAL_SHARE" }),
  fc.boolean().map<StrategySpec>((strictTiers) => ({ kind: "PRIORITY", strictTiers })),
  fc
    .record({
      start: fc.nat({ max: 23 }),
      end: fc.nat({ max: 23 }),
      m: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map<StrategySpec>(({ start, end, m }) => ({
      kind: "TIME_OF_USE",
      windows: [{ peakStartHour: start, peakEndHour: end, peakPowerMultiplier: m }],
      timeZone: "Europe/Berlin",
    })),
  fc.nat({ max: 10_000 }).map<StrategySpec>((seed) => ({ kind: "CUSTOM", fn: unrulyStrategy(seed) })),
);
