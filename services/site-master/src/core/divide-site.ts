import { divideLevel, type LevelItem, type LevelShare } from "./divide-level.js";
import { tighter, type Limit } from "./limits.js";
import type { PanelNode } from "./panel-tree.js";

/** What a panel's own engine asks for (its sub-panels ask for themselves). */
export interface PanelNeed {
  readonly loW: number;
  readonly hiW: number;
  readonly reservedW: number;
}

export interface DivisionInput {
  readonly panels: readonly PanelNode[];
  /** The grid connection after limit, safety margin and measured non-EV load. */
  readonly available: Limit;
  readonly needs: ReadonlyMap<string, PanelNeed>;
  /** Operator caps: act like a smaller breaker on the panel and everything behind it. */
  readonly caps: ReadonlyMap<string, Limit>;
  readonly voltageV: number;
}

export type PanelShare = LevelShare;

const NO_NEED: PanelNeed = { loW: 0, hiW: 0, reservedW: 0 };

/**
 * Divides the grid connection into one budget per panel (for the panel's own chargers), level by level
 * down the tree: at each panel its own engine and each sub-panel (with everything behind it) share what
 * the panel got, within its breaker. So no breaker anywhere, no conductor, and not the grid is ever over
 * its limit, whatever the panels ask for. Pure: the same input always gives the same budgets.
 */
export function divideSite(input: DivisionInput): Map<string, PanelShare> {
  const out = new Map<string, PanelShare>();
  const limitOf = (node: PanelNode): Limit => {
    const cap = input.caps.get(node.id);
    return cap === undefined ? node.breaker : tighter(node.breaker, cap);
  };
  const needOf = (node: PanelNode) => input.needs.get(node.id) ?? NO_NEED;

  const subtreeItem = (node: PanelNode): LevelItem => {
    const limit = limitOf(node);
    const inner = innerItems(node);
    const sum = (pick: (item: LevelItem) => number) =>
      Math.min(
        limit.w,
        inner.reduce((total, item) => total + pick(item), 0),
      );
    return {
      key: node.id,
      loW: sum((i) => i.loW),
      reservedW: sum((i) => i.reservedW),
      hiW: sum((i) => Math.min(i.hiW, i.limit.w)),
      weight: node.priority,
      limit,
    };
  };
  const ownItem = (node: PanelNode): LevelItem => ({
    key: node.id,
    ...needOf(node),
    weight: node.priority,
    limit: limitOf(node),
  });
  const innerItems = (node: PanelNode): LevelItem[] => [ownItem(node), ...node.children.map(subtreeItem)];

  const divideWithin = (nodes: readonly PanelNode[], own: PanelNode | undefined, capacity: Limit) => {
    const items = [...(own === undefined ? [] : [ownItem(own)]), ...nodes.map(subtreeItem)];
    const shares = divideLevel(items, capacity, input.voltageV);
    if (own !== undefined) out.set(own.id, shares[0] as LevelShare);
    const offset = own === undefined ? 0 : 1;
    nodes.forEach((node, index) => {
      const share = shares[index + offset] as LevelShare;
      // A panel without sub-panels keeps its share as is: dividing it again would only lose to rounding.
      if (node.children.length === 0) out.set(node.id, share);
      else divideWithin(node.children, node, tighter({ w: share.w, amps: share.amps }, limitOf(node)));
    });
  };
  divideWithin(input.panels, undefined, input.available);
  return out;
}
