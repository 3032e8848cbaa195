import type { z } from "zod";
import type { PanelConfig } from "./panel-schema.js";
import { checkChargerList } from "./charger-rules.js";
import { walkPanels } from "./walk-panels.js";

interface TreeRulesInput {
  grid: { kw: number };
  safetyMarginPct: number;
  conservativePanelKw: number;
  panels: readonly PanelConfig[];
}

const at = (path: readonly (string | number)[], ...more: (string | number)[]) => [...path, ...more];

/** The reservation a silent panel gets: its own conservativeKw or the site's, never above its breaker. */
export function conservativeBudgetKw(panel: PanelConfig, sitePanelKw: number): number {
  return Math.min(panel.conservativeKw ?? sitePanelKw, panel.breaker.kw);
}

/**
 * Rules that span the tree. A sub-panel's breaker may be rated above its parent's (common when a large
 * board feeds a small one through a smaller cable); the parent's breaker still binds everything behind it.
 */
export function checkPanelTree(config: TreeRulesInput, ctx: z.RefinementCtx): void {
  const seen = new Map<string, string>(); // panel id → where it first appears
  const chargers = new Map<string, string>();
  for (const { panel, path } of walkPanels(config.panels)) {
    const first = seen.get(panel.id);
    if (first !== undefined)
      ctx.addIssue({
        code: "custom",
        path: at(path, "id"),
        message: `duplicate panel id "${panel.id}" (also at ${first})`,
      });
    seen.set(panel.id, path.join("."));
    if (panel.fixedBudgetKw !== undefined) {
      if (panel.children.length > 0)
        ctx.addIssue({
          code: "custom",
          path: at(path, "fixedBudgetKw"),
          message: "only a panel without sub-panels can have a fixed budget",
        });
      else if (panel.fixedBudgetKw > panel.breaker.kw)
        ctx.addIssue({
          code: "custom",
          path: at(path, "fixedBudgetKw"),
          message: `must not exceed breaker.kw (${panel.breaker.kw})`,
        });
    }
    checkChargerList(panel.chargers, ctx, at(path, "chargers"), chargers, panel.id);
  }
  checkReservationsFit(config, ctx);
}

/**
 * When every panel is silent, each keeps its conservative (or fixed) reservation: they must fit the grid
 * after the safety margin, or the site-master could not honour them all.
 */
function checkReservationsFit(config: TreeRulesInput, ctx: z.RefinementCtx): void {
  const reserved = (panel: PanelConfig): number =>
    Math.min(
      panel.breaker.kw,
      (panel.fixedBudgetKw ?? conservativeBudgetKw(panel, config.conservativePanelKw)) +
        panel.children.reduce((sum, child) => sum + reserved(child), 0),
    );
  const total = config.panels.reduce((sum, panel) => sum + reserved(panel), 0);
  const usable = config.grid.kw * (1 - config.safetyMarginPct / 100);
  if (total > usable + 1e-9)
    ctx.addIssue({
      code: "custom",
      path: ["conservativePanelKw"],
      message: `the panels' conservative and fixed budgets (${round(total)} kW) exceed the grid after the safety margin (${round(usable)} kW)`,
    });
}

const round = (kw: number) => Math.round(kw * 1000) / 1000;
