/**
 * A small site as the contract describes it: a main board feeding two panels, with a budget and a status
 * for each. Unit tests fold these, integration tests publish them retained, the README shows the result.
 */
import type { MessageInputOf, PanelBudget, PanelStatus, SessionAllocation } from "@smart-charge/contracts";
import type { SiteLayout } from "../view/site-layout.js";

export const FIXTURE_NOW = Date.parse("2025-03-14T09:30:05Z");

export const FIXTURE_LAYOUT: SiteLayout = {
  panels: [
    { id: "main-board" },
    { id: "panel-a", parent: "main-board" },
    { id: "panel-b", parent: "main-board" },
  ],
};

export function budget(site: string, panel: string, totalKw: number, overrides: Partial<PanelBudget> = {}) {
  return {
    site,
    panel,
    totalKw,
    sequence: 7,
    issuedAt: "2025-03-14T09:30:00Z",
    expiresAt: "2025-03-14T09:35:00Z",
    ...overrides,
  } satisfies MessageInputOf<"panelBudget">;
}

function session(chargerId: string, allocatedKw: number, reason: SessionAllocation["reason"], extra = {}) {
  return {
    transactionId: `tx-${chargerId}`,
    chargerId,
    connectorId: 1,
    allocatedKw,
    minChargeRateKw: 4.1,
    reason,
    ...extra,
  };
}

export function status(site: string, panel: string, overrides: Partial<PanelStatus> = {}) {
  return {
    site,
    panel,
    leader: { instanceId: `${panel}-engine-1`, epoch: 3 },
    demandKw: 0,
    minimumKw: 0,
    allocatedKw: 0,
    budgetKw: 0,
    strategy: "EQUAL_SHARE",
    sessions: [],
    publishedAt: "2025-03-14T09:30:01Z",
    ...overrides,
  } satisfies MessageInputOf<"panelStatus">;
}

/** The budgets and statuses of the fixture site, as the site-master and panel-engines publish them. */
export function fixtureSite(site: string) {
  return {
    budgets: [budget(site, "panel-a", 22), budget(site, "panel-b", 11, { sequence: 4 })],
    statuses: [
      status(site, "panel-a", {
        demandKw: 40.2,
        minimumKw: 12.3,
        allocatedKw: 21.9,
        budgetKw: 22,
        sessions: [
          session("CP-001", 11, "hardware-cap"),
          session("CP-002", 6.8, "phase", { limitingPhase: "L2" }),
          session("CP-003", 4.1, "ev-cap"),
          session("CP-004", 0, "paused"),
        ],
      }),
      status(site, "panel-b", {
        demandKw: 7.4,
        minimumKw: 4.1,
        allocatedKw: 7.4,
        budgetKw: 11,
        strategy: "PRIORITY",
        leader: { instanceId: "panel-b-engine-2", epoch: 12 },
        sessions: [session("CP-101", 7.4, "budget")],
        publishedAt: "2025-03-14T09:29:10Z",
      }),
    ],
  };
}
