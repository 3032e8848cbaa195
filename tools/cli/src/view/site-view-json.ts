/**
 * The site view for scripts (`sce tree --json`): every panel in tree order with its parent, the contract
 * messages as received, and the judgements the tree prints (age, staleness, expiry), so a script need
 * not redo them.
 */
import type { ErrorReport, PanelBudget, PanelStatus } from "@smart-charge/contracts";
import { DEFAULT_STALE_AFTER_MS, panelHealth, type PanelHealth } from "./panel-health.js";
import { flattenPanelTree, panelTree } from "./panel-order.js";
import type { RefusedMessage, SiteViewState } from "./site-view-state.js";

export interface PanelJson {
  panel: string;
  parent: string | null;
  budget: PanelBudget | null;
  status: PanelStatus | null;
  health: PanelHealth;
}

export interface SiteViewJson {
  site: string;
  at: string;
  panels: PanelJson[];
  errors: readonly ErrorReport[];
  refused: readonly RefusedMessage[];
}

export function siteViewJson(
  state: SiteViewState,
  now: number,
  staleAfterMs = DEFAULT_STALE_AFTER_MS,
): SiteViewJson {
  return {
    site: state.site,
    at: new Date(now).toISOString(),
    panels: flattenPanelTree(panelTree(state)).map(({ node, parent }) => ({
      panel: node.panel,
      parent: parent ?? null,
      budget: node.view.budget ?? null,
      status: node.view.status ?? null,
      health: panelHealth(node.view, now, staleAfterMs),
    })),
    errors: state.errors,
    refused: state.refused,
  };
}
