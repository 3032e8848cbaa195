import type { PanelStatus, SessionAllocation } from "@smart-charge/contracts";
import {
  parseSiteConfig,
  type PanelConfigInput,
  type SiteConfig,
  type SiteConfigInput,
} from "@smart-charge/site-config";

/**
 * A small site: 100 kW grid, panel-a (60 kW), panel-b (60 kW) feeding b1 and b2 (40 kW each), all
 * three-phase without per-conductor ratings unless a test adds them.
 */
export function smallSite(overrides: Partial<SiteConfigInput> = {}): SiteConfig {
  const leaf = (id: string, kw: number): PanelConfigInput => ({ id, breaker: { kw } });
  return parseSiteConfig({
    site: "site-1",
    grid: { kw: 100 },
    conservativePanelKw: 5,
    panels: [leaf("panel-a", 60), { ...leaf("panel-b", 60), children: [leaf("b1", 40), leaf("b2", 40)] }],
    mqtt: { url: "mqtt://127.0.0.1:1883" },
    timing: {
      raiseHoldMs: 5_000,
      panelSilentAfterMs: 30_000,
      republishIntervalMs: 10_000,
      budgetTtlMs: 60_000,
      startupSettleMs: 0,
    },
    ...overrides,
  });
}

/** A panel status as a panel-engine publishes it. */
export function statusOf(
  site: string,
  panel: string,
  figures: {
    demandKw: number;
    minimumKw?: number;
    heldBack?: boolean;
    appliedBudgetSequence?: number;
    budgetKw?: number;
    publishedAt?: number;
  },
): PanelStatus {
  const session: SessionAllocation = {
    transactionId: "tx-1",
    chargerId: `${panel}-CP-1`,
    connectorId: 1,
    allocatedKw: figures.demandKw,
    minChargeRateKw: figures.minimumKw ?? 0,
    reason: figures.heldBack === true ? "budget" : "hardware-cap",
  };
  return {
    site,
    panel,
    leader: { instanceId: "primary", epoch: 1 },
    demandKw: figures.demandKw,
    minimumKw: figures.minimumKw ?? 0,
    allocatedKw: figures.demandKw,
    ...(figures.budgetKw === undefined ? {} : { budgetKw: figures.budgetKw }),
    ...(figures.appliedBudgetSequence === undefined
      ? {}
      : { appliedBudgetSequence: figures.appliedBudgetSequence }),
    sessions: figures.demandKw > 0 ? [session] : [],
    publishedAt: new Date(figures.publishedAt ?? 0).toISOString(),
  };
}
