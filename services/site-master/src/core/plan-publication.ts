import type { BudgetLedger } from "./budget-ledger.js";
import type { PanelShare } from "./divide-site.js";
import { ampsFloor, PHASES, phaseAmps, worstCaseAmps, type Limit } from "./limits.js";
import { allNodes, type PanelNode } from "./panel-tree.js";

export interface PublicationInput {
  readonly panels: readonly PanelNode[];
  readonly targets: ReadonlyMap<string, PanelShare>;
  readonly available: Limit;
  readonly limitOf: (node: PanelNode) => Limit;
  readonly ledger: BudgetLedger;
  readonly voltageV: number;
  /** Publish unchanged budgets too (periodic refresh: new sequence, new expiry). */
  readonly republish: boolean;
}

export interface PublicationPlan {
  /** In publishing order: every decrease before any raise. */
  readonly publish: { panel: string; limit: Limit; change: "lower" | "raise" | "same" }[];
  /** Raises waiting for lowered panels to confirm. */
  readonly held: string[];
}

/** A budget as published: whole watts, current rounded down to 0.1 A. */
export function publishable(share: PanelShare): Limit {
  return share.amps === undefined
    ? { w: share.w }
    : { w: share.w, amps: phaseAmps((p) => ampsFloor(share.amps?.[p] ?? 0)) };
}

function sameLimit(a: Limit, b: Limit): boolean {
  if (a.w !== b.w) return false;
  if (a.amps === undefined || b.amps === undefined) return a.amps === b.amps;
  return PHASES.every((p) => a.amps?.[p] === b.amps?.[p]);
}

function notAbove(a: Limit, b: Limit, voltageV: number): boolean {
  return (
    a.w <= b.w && PHASES.every((p) => worstCaseAmps(a, p, voltageV) <= worstCaseAmps(b, p, voltageV) + 1e-9)
  );
}

/**
 * Reduce before raise across panels. Decreases go out at once. A raise goes out only when, counting every
 * panel at the highest budget it may still be applying, the raised panel fits under every breaker above it
 * and under the grid; otherwise it waits for the lowered panels to confirm. So the budgets in force never
 * add up above a limit, not even while a change is on its way.
 */
export function planPublication(input: PublicationInput): PublicationPlan {
  const { ledger, voltageV } = input;
  const lower: PublicationPlan["publish"] = [];
  const raise: { node: PanelNode; ancestors: PanelNode[]; limit: Limit }[] = [];
  const walk = (nodes: readonly PanelNode[], ancestors: PanelNode[]) => {
    for (const node of nodes) {
      const share = input.targets.get(node.id);
      if (share !== undefined) {
        const limit = publishable(share);
        const latest = ledger.latest(node.id);
        const current = latest?.limit;
        // A budget only assumed in force (sequence below 0) was never published: always publish one.
        if (
          current !== undefined &&
          latest !== undefined &&
          latest.sequence >= 0 &&
          sameLimit(limit, current)
        ) {
          if (input.republish) lower.push({ panel: node.id, limit, change: "same" });
        } else if (current !== undefined && notAbove(limit, current, voltageV)) {
          lower.push({ panel: node.id, limit, change: "lower" });
        } else {
          // A change that lowers one dimension (the total, or a conductor) while raising another: the
          // lowered part goes out at once, like any decrease, and only the raised part waits its turn.
          // Held whole, the panel would keep its old, higher share while the others already got less.
          const floor = current === undefined ? undefined : lowerOf(limit, current, voltageV);
          if (floor !== undefined && current !== undefined && !sameLimit(floor, current))
            lower.push({ panel: node.id, limit: floor, change: "lower" });
          raise.push({ node, ancestors, limit });
        }
      }
      walk(node.children, [...ancestors, node]);
    }
  };
  walk(input.panels, []);

  const inForce = new Map<string, Limit>();
  for (const node of allNodes(input.panels)) inForce.set(node.id, ledger.inForce(node.id) ?? { w: 0 });
  // Decreases do not lower what may be in force until confirmed; they change nothing here.
  const publish = [...lower];
  const held: string[] = [];
  for (const { node, ancestors, limit } of raise) {
    const before = inForce.get(node.id) ?? { w: 0 };
    const after = maxLimit(before, limit, voltageV);
    inForce.set(node.id, after);
    const fits =
      within(input.panels, inForce, input.available, voltageV) &&
      [...ancestors, node].every((a) => within([a], inForce, input.limitOf(a), voltageV));
    if (fits) publish.push({ panel: node.id, limit, change: "raise" });
    else {
      inForce.set(node.id, before);
      held.push(node.id);
    }
  }
  return { publish, held };
}

/** The least of two budgets in every dimension: what may be published now without raising anything. */
export function lowerOf(a: Limit, b: Limit, voltageV: number): Limit {
  const w = Math.min(a.w, b.w);
  if (a.amps === undefined && b.amps === undefined) return { w };
  return {
    w,
    amps: phaseAmps((p) => ampsFloor(Math.min(worstCaseAmps(a, p, voltageV), worstCaseAmps(b, p, voltageV)))),
  };
}

function maxLimit(a: Limit, b: Limit, voltageV: number): Limit {
  return {
    w: Math.max(a.w, b.w),
    amps: phaseAmps((p) => Math.max(worstCaseAmps(a, p, voltageV), worstCaseAmps(b, p, voltageV))),
  };
}

function within(
  nodes: readonly PanelNode[],
  inForce: Map<string, Limit>,
  limit: Limit,
  voltageV: number,
): boolean {
  let w = 0;
  const amps = { L1: 0, L2: 0, L3: 0 };
  for (const node of allNodes(nodes)) {
    const l = inForce.get(node.id) ?? { w: 0 };
    w += l.w;
    for (const p of PHASES) amps[p] += worstCaseAmps(l, p, voltageV);
  }
  if (w > limit.w) return false;
  return limit.amps === undefined || PHASES.every((p) => amps[p] <= (limit.amps?.[p] ?? Infinity) + 1e-6);
}
