import type { Budget } from "@smart-charge/allocation";
import type { FieldError, PanelBudget } from "@smart-charge/contracts";
import type { PanelEngineConfig } from "../config/config-schema.js";

export interface BudgetInForce {
  readonly budget: Budget;
  readonly source: "panel-budget" | "safe-default";
  readonly sequence: number | undefined;
}

/** A budget above the breaker's rating is refused outright: the site-master must never ask for it. */
export function checkBudget(budget: PanelBudget, config: PanelEngineConfig): FieldError | null {
  if (budget.totalKw > config.breaker.kw) {
    return {
      field: "totalKw",
      message: `${budget.totalKw} kW exceeds the breaker rating of ${config.breaker.kw} kW`,
    };
  }
  for (const p of ["L1", "L2", "L3"] as const) {
    const rated = config.breaker.phaseAmps?.[p];
    const asked = budget.phaseAmps?.[p];
    if (rated !== undefined && asked !== undefined && asked > rated) {
      return { field: `phaseAmps.${p}`, message: `${asked} A exceeds the breaker rating of ${rated} A` };
    }
  }
  return null;
}

/**
 * The budget the allocation uses now: the site-master's while it is fresh, else the configured safe
 * default; the breaker's per-phase rating always applies, and the panel's own safety margin is held back.
 */
export function budgetInForce(
  budget: PanelBudget | null,
  config: PanelEngineConfig,
  now: number,
): BudgetInForce {
  const fresh = budget !== null && (budget.expiresAt === undefined || Date.parse(budget.expiresAt) > now);
  const keep = 1 - config.safetyMarginPct / 100;
  const chosen = fresh
    ? budget
    : { totalKw: config.safeDefaultBudget.kw, phaseAmps: config.safeDefaultBudget.phaseAmps };
  const rated = config.breaker.phaseAmps;
  const phaseAmps =
    chosen.phaseAmps === undefined && rated === undefined
      ? undefined
      : {
          L1: Math.min(chosen.phaseAmps?.L1 ?? Infinity, rated?.L1 ?? Infinity) * keep,
          L2: Math.min(chosen.phaseAmps?.L2 ?? Infinity, rated?.L2 ?? Infinity) * keep,
          L3: Math.min(chosen.phaseAmps?.L3 ?? Infinity, rated?.L3 ?? Infinity) * keep,
        };
  const totalKw = Math.min(chosen.totalKw, config.breaker.kw) * keep;
  return {
    budget: phaseAmps === undefined ? { totalKw } : { totalKw, phaseAmps },
    source: fresh ? "panel-budget" : "safe-default",
    sequence: fresh ? budget.sequence : undefined,
  };
}
