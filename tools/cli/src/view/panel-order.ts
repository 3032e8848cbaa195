/**
 * The order and nesting of panels in the view: the site configuration's structure first, then any panel
 * heard on MQTT that the configuration does not name, at the top level, by id.
 */
import type { PanelView, SiteViewState } from "./site-view-state.js";

export interface PanelNode {
  panel: string;
  /** What MQTT told about the panel; `{ panel }` alone for a configured panel not heard from yet. */
  view: PanelView;
  children: PanelNode[];
}

export function panelTree(state: SiteViewState): PanelNode[] {
  const configured = state.layout?.panels ?? [];
  const nodes = new Map<string, PanelNode>();
  const nodeOf = (panel: string): PanelNode => {
    let node = nodes.get(panel);
    if (node === undefined) {
      node = { panel, view: state.panels[panel] ?? { panel }, children: [] };
      nodes.set(panel, node);
    }
    return node;
  };
  const roots: PanelNode[] = [];
  for (const { id, parent } of configured) {
    const node = nodeOf(id);
    // A parent that is unknown, or that would close a loop, leaves the panel at the top level.
    const attach = parent !== undefined && parent !== id && nodes.has(parent) ? nodes.get(parent) : undefined;
    (attach?.children ?? roots).push(node);
  }
  const unconfigured = Object.keys(state.panels)
    .filter((panel) => !nodes.has(panel))
    .sort();
  for (const panel of unconfigured) roots.push(nodeOf(panel));
  return roots;
}

/** Every panel of the tree, depth first, with its depth and parent. */
export function flattenPanelTree(
  roots: readonly PanelNode[],
  parent?: string,
  depth = 0,
): { node: PanelNode; depth: number; parent?: string }[] {
  return roots.flatMap((node) => [
    { node, depth, ...(parent === undefined ? {} : { parent }) },
    ...flattenPanelTree(node.children, node.panel, depth + 1),
  ]);
}
