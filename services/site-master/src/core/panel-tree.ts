import { conservativeBudgetKw, runsEngine, type PanelConfig } from "@smart-charge/site-config";
import { kwToWFloor, type Limit } from "./limits.js";

/** A panel as the division sees it: limits in W and A, children resolved. */
export interface PanelNode {
  readonly id: string;
  readonly breaker: Limit;
  readonly priority: number;
  /** Always this, whatever the demand. */
  readonly fixedW: number | undefined;
  /** Reserved while the panel is silent or never reported. */
  readonly conservativeW: number;
  /**
   * Whether a panel-engine serves chargers on this panel itself (site-config's runsEngine). A panel that
   * only feeds sub-panels has none: it gets no budget of its own, only limits what its sub-panels get.
   */
  readonly hasEngine: boolean;
  readonly children: readonly PanelNode[];
}

export function buildPanelTree(panels: readonly PanelConfig[], conservativePanelKw: number): PanelNode[] {
  return panels.map((panel) => ({
    id: panel.id,
    breaker: { w: kwToWFloor(panel.breaker.kw), amps: panel.breaker.phaseAmps },
    priority: panel.priority,
    fixedW: panel.fixedBudgetKw === undefined ? undefined : kwToWFloor(panel.fixedBudgetKw),
    conservativeW: kwToWFloor(conservativeBudgetKw(panel, conservativePanelKw)),
    hasEngine: runsEngine(panel),
    children: buildPanelTree(panel.children, conservativePanelKw),
  }));
}

/** Every node, parents first. */
export function allNodes(roots: readonly PanelNode[]): PanelNode[] {
  return roots.flatMap((node) => [node, ...allNodes(node.children)]);
}
