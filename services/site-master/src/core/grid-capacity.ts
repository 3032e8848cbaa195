import { kwToWFloor, phaseAmps, type Limit } from "./limits.js";
import type { Overrides } from "./overrides.js";

export interface GridSettings {
  readonly grid: { kw: number; phaseAmps?: { L1: number; L2: number; L3: number } | undefined };
  readonly safetyMarginPct: number;
}

/** The grid limit in force: the operator's (already clamped to the rating) or the configured rating. */
export function gridLimit(settings: GridSettings, overrides: Overrides): Limit {
  const set = overrides.gridLimit;
  return {
    w: kwToWFloor(set?.limitKw ?? settings.grid.kw),
    amps: set?.phaseAmps ?? settings.grid.phaseAmps,
  };
}

/**
 * What the panels may share: the grid limit, less the safety margin (a share of the limit, applied to
 * each conductor alike), less the measured non-EV load. Never negative.
 */
export function availableForPanels(
  settings: GridSettings,
  overrides: Overrides,
  nonEvLoad: Limit | undefined,
): Limit {
  const limit = gridLimit(settings, overrides);
  const margin = overrides.safetyMargin;
  const marginW =
    margin === undefined
      ? (limit.w * settings.safetyMarginPct) / 100
      : "marginKw" in margin
        ? margin.marginKw * 1000
        : (limit.w * margin.marginPercent) / 100;
  const keep = limit.w > 0 ? Math.max(0, 1 - marginW / limit.w) : 0;
  const w = Math.max(0, Math.floor(limit.w - marginW - (nonEvLoad?.w ?? 0)));
  if (limit.amps === undefined) return { w };
  const rated = limit.amps;
  return { w, amps: phaseAmps((p) => Math.max(0, rated[p] * keep - (nonEvLoad?.amps?.[p] ?? 0))) };
}
