import { allocate, type ActiveSession, type Phase } from "@smart-charge/allocation";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addLoad,
  emptyRecord,
  recordAccepted,
  recordSent,
  worstCaseW,
  type LimitRecord,
} from "./limit-ledger.js";
import { planCommands } from "./plan-commands.js";

const wirings: { phases: 1 | 3; panelPhases: Phase[] }[] = [
  { phases: 3, panelPhases: ["L1", "L2", "L3"] },
  { phases: 1, panelPhases: ["L1"] },
  { phases: 1, panelPhases: ["L2"] },
  { phases: 1, panelPhases: ["L3"] },
];

const panelArb = fc.record({
  cars: fc.array(
    fc.record({
      wiring: fc.nat({ max: 3 }),
      capKw: fc.integer({ min: 2, max: 22 }),
      appliedW: fc.option(fc.nat({ max: 22_000 }), { nil: undefined }),
      pendingW: fc.option(fc.nat({ max: 22_000 }), { nil: undefined }),
    }),
    { maxLength: 12 },
  ),
  totalKw: fc.integer({ min: 0, max: 120 }),
  amps: fc.integer({ min: 0, max: 160 }),
});

function worstTotals(records: Map<string, LimitRecord>, sessions: ActiveSession[]) {
  const totals = { w: 0, amps: { L1: 0, L2: 0, L3: 0 } };
  for (const s of sessions) {
    const r = records.get(String(s.transactionId));
    if (r) addLoad(totals, { phases: s.phases, panelPhases: s.panelPhases, voltageV: 230 }, worstCaseW(r));
  }
  return totals;
}

describe("planCommands never lets the limits that may be in force exceed the budget", () => {
  test("raises only go out while the worst case stays within the budget (or no worse than before)", () => {
    fc.assert(
      fc.property(panelArb, ({ cars, totalKw, amps }) => {
        const sessions: ActiveSession[] = cars.map((c, i) => {
          const w = wirings[c.wiring] ?? { phases: 3, panelPhases: ["L1", "L2", "L3"] };
          return {
            transactionId: `t${i}`,
            clientId: `CP-${i}`,
            connectorId: 1,
            priority: 1,
            addedAt: 0,
            maxHardwarePowerKw: c.capKw,
            ...w,
          };
        });
        const records = new Map<string, LimitRecord>();
        cars.forEach((c, i) => {
          if (c.appliedW === undefined && c.pendingW === undefined) return;
          const r = emptyRecord();
          if (c.appliedW !== undefined) {
            recordSent(r, { messageId: `a${i}`, limitW: c.appliedW, sentAt: 0 });
            recordAccepted(r, `a${i}`);
          }
          if (c.pendingW !== undefined) recordSent(r, { messageId: `p${i}`, limitW: c.pendingW, sentAt: 0 });
          records.set(`t${i}`, r);
        });
        const budget = { totalKw, phaseAmps: { L1: amps, L2: amps, L3: amps } };
        const targets = allocate({
          sessions,
          budget,
          voltageV: 230,
          strategy: { kind: "EQUAL_SHARE" },
          now: 0,
        }).profiles.map((p) => ({
          transactionId: String(p.transactionId),
          limitW: p.allocatedW,
          wiring: { phases: p.phases, panelPhases: p.panelPhases, voltageV: 230 },
        }));
        const before = worstTotals(records, sessions);
        const plan = planCommands(targets, records, budget, 1, 60_000);
        for (const c of plan.send) {
          const r = records.get(c.transactionId) ?? emptyRecord();
          recordSent(r, { messageId: `n-${c.transactionId}`, limitW: c.limitW, sentAt: 1 });
          records.set(c.transactionId, r);
        }
        const after = worstTotals(records, sessions);
        expect(after.w).toBeLessThanOrEqual(Math.max(before.w, totalKw * 1000) + 1e-6);
        for (const p of ["L1", "L2", "L3"] as const)
          expect(after.amps[p]).toBeLessThanOrEqual(Math.max(before.amps[p], amps) + 1e-9);

        // Once every sent limit is confirmed, the next round sends every remaining raise.
        for (const r of records.values()) if (r.lastSent) recordAccepted(r, r.lastSent.messageId);
        expect(planCommands(targets, records, budget, 2, 60_000).held).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
