import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divisionInput } from "../test-support/division-arbitraries.js";
import { divideSite, type DivisionInput, type PanelShare } from "./divide-site.js";
import { PHASES, tighter, worstCaseAmps, type Limit } from "./limits.js";
import { allNodes, type PanelNode } from "./panel-tree.js";

const RUNS = 3_000;

function limitOf(input: DivisionInput, node: PanelNode): Limit {
  const cap = input.caps.get(node.id);
  return cap === undefined ? node.breaker : tighter(node.breaker, cap);
}

/** What a subtree's budgets can put on the grid: total power and current per conductor. */
function drawOf(nodes: readonly PanelNode[], shares: Map<string, PanelShare>, voltageV: number) {
  const draw = { w: 0, L1: 0, L2: 0, L3: 0 };
  for (const node of allNodes(nodes)) {
    const share = shares.get(node.id) ?? { w: 0, amps: undefined };
    draw.w += share.w;
    for (const p of PHASES) draw[p] += worstCaseAmps(share, p, voltageV);
  }
  return draw;
}

function expectWithin(draw: ReturnType<typeof drawOf>, limit: Limit, what: string) {
  expect(draw.w, `${what}: power`).toBeLessThanOrEqual(limit.w);
  for (const p of PHASES) {
    const rated = limit.amps?.[p];
    if (rated !== undefined) expect(draw[p], `${what}: ${p}`).toBeLessThanOrEqual(rated + 1e-6);
  }
}

/** The most a subtree can carry as a balanced load, with room for rounding. */
function roomW(limit: Limit, voltageV: number): number {
  const amps = limit.amps === undefined ? Infinity : Math.min(limit.amps.L1, limit.amps.L2, limit.amps.L3);
  return Math.min(limit.w, amps * 3 * voltageV) * 0.98 - 500;
}

/** Whether `pick` of every panel fits under every breaker and the grid with room to spare. */
function fitsEverywhere(input: DivisionInput, pick: (id: string) => number): boolean {
  const total = (nodes: readonly PanelNode[]) => allNodes(nodes).reduce((sum, n) => sum + pick(n.id), 0);
  if (total(input.panels) > roomW(input.available, input.voltageV)) return false;
  return allNodes(input.panels).every((node) => total([node]) <= roomW(limitOf(input, node), input.voltageV));
}

describe("divideSite over thousands of random sites", () => {
  it("never puts a breaker, a conductor or the grid over its limit", () => {
    fc.assert(
      fc.property(divisionInput, (input) => {
        const shares = divideSite(input);
        expect([...shares.keys()].sort()).toEqual(
          allNodes(input.panels)
            .map((n) => n.id)
            .sort(),
        );
        for (const share of shares.values()) {
          expect(Number.isInteger(share.w)).toBe(true);
          expect(share.w).toBeGreaterThanOrEqual(0);
        }
        expectWithin(drawOf(input.panels, shares, input.voltageV), input.available, "grid");
        for (const node of allNodes(input.panels))
          expectWithin(drawOf([node], shares, input.voltageV), limitOf(input, node), `panel ${node.id}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("gives no panel more than it asks for", () => {
    fc.assert(
      fc.property(divisionInput, (input) => {
        const shares = divideSite(input);
        for (const [id, share] of shares) {
          const need = input.needs.get(id);
          if (need !== undefined) expect(share.w).toBeLessThanOrEqual(Math.max(need.hiW, 0));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("honours every minimum and reservation whenever they fit", () => {
    const wanted = (input: DivisionInput, id: string) => {
      const need = input.needs.get(id);
      return need === undefined ? 0 : Math.min(Math.max(need.loW, need.reservedW), need.hiW);
    };
    fc.assert(
      fc.property(
        divisionInput.filter((input) => fitsEverywhere(input, (id) => wanted(input, id))),
        (input) => {
          const shares = divideSite(input);
          for (const node of allNodes(input.panels))
            expect(shares.get(node.id)?.w ?? 0, node.id).toBeGreaterThanOrEqual(wanted(input, node.id) - 1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("honours fixed budgets and silent panels' reservations when they fit, even if minimums do not", () => {
    fc.assert(
      fc.property(
        divisionInput.filter((input) => fitsEverywhere(input, (id) => input.needs.get(id)?.reservedW ?? 0)),
        (input) => {
          const shares = divideSite(input);
          for (const node of allNodes(input.panels)) {
            const reserved = input.needs.get(node.id)?.reservedW ?? 0;
            expect(shares.get(node.id)?.w ?? 0, node.id).toBeGreaterThanOrEqual(reserved - 1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
