import { describe, expect, it } from "vitest";
import { BudgetLedger } from "./budget-ledger.js";
import type { Limit } from "./limits.js";
import type { PanelNode } from "./panel-tree.js";
import { lowerOf, planPublication } from "./plan-publication.js";

const V = 230;
const node = (id: string): PanelNode => ({
  id,
  breaker: { w: 100_000 },
  priority: 1,
  fixedW: undefined,
  conservativeW: 0,
  hasEngine: true,
  children: [],
});

describe("planPublication", () => {
  it("publishes the lowered part of a change at once, even when another dimension rises", () => {
    const ledger = new BudgetLedger(V, 60_000);
    const current: Limit = { w: 22_000, amps: { L1: 40, L2: 10, L3: 40 } };
    ledger.issue("a", { sequence: 1, limit: current, issuedAt: 0, expiresAt: 60_000 });
    ledger.issue("b", { sequence: 1, limit: { w: 30_000 }, issuedAt: 0, expiresAt: 60_000 });
    // The grid shrinks: panel a gets less power in all but more current on L2, which does not fit yet.
    const target = { w: 19_000, amps: { L1: 27.5, L2: 27.5, L3: 27.5 } };
    const plan = planPublication({
      panels: [node("a"), node("b")],
      targets: new Map([["a", target]]),
      available: { w: 52_000, amps: { L1: 80, L2: 50, L3: 80 } },
      limitOf: (n) => n.breaker,
      ledger,
      voltageV: V,
      republish: false,
    });
    expect(plan.publish).toEqual([
      { panel: "a", limit: { w: 19_000, amps: { L1: 27.5, L2: 10, L3: 27.5 } }, change: "lower" },
    ]);
    expect(plan.held).toEqual(["a"]);
  });

  it("takes the least of two budgets per conductor, a budget without per-phase limits at its worst", () => {
    expect(lowerOf({ w: 23_000 }, { w: 20_000, amps: { L1: 50, L2: 200, L3: 5 } }, V)).toEqual({
      w: 20_000,
      amps: { L1: 50, L2: 100, L3: 5 },
    });
    expect(lowerOf({ w: 1_000 }, { w: 2_000 }, V)).toEqual({ w: 1_000 });
  });
});
