/** How fresh and complete a panel's information is, judged against an injected clock. */
import type { PanelView } from "./site-view-state.js";

export interface PanelHealth {
  /** Age of the retained status, by its publishedAt; undefined without a status. */
  statusAgeMs?: number;
  /** The status is older than the staleness limit: its engine may be down or cut off. */
  statusStale: boolean;
  /** The budget's expiresAt has passed: the panel-engine runs on its fail-safe budget. */
  budgetExpired: boolean;
  /** The status names no leader: no panel-engine holds the lease. */
  noLeader: boolean;
  /** The budget in force per the status, when it differs from the one the site-master issued. */
  budgetInForceKw?: number;
}

/** A panel-engine republishes its status every 10 s by default; three missed rounds are worth a flag. */
export const DEFAULT_STALE_AFTER_MS = 30_000;

export function panelHealth(
  view: PanelView,
  now: number,
  staleAfterMs = DEFAULT_STALE_AFTER_MS,
): PanelHealth {
  const { status, budget } = view;
  const statusAgeMs = status === undefined ? undefined : Math.max(0, now - Date.parse(status.publishedAt));
  const budgetExpired = budget?.expiresAt !== undefined && Date.parse(budget.expiresAt) <= now;
  const inForce = status?.budgetKw;
  return {
    ...(statusAgeMs === undefined ? {} : { statusAgeMs }),
    statusStale: statusAgeMs !== undefined && statusAgeMs > staleAfterMs,
    budgetExpired,
    noLeader: status !== undefined && status.leader === null,
    ...(inForce !== undefined && budget !== undefined && Math.abs(inForce - budget.totalKw) > 1e-9
      ? { budgetInForceKw: inForce }
      : {}),
  };
}
