import type { PanelStatus } from "@smart-charge/contracts";
import type { PanelController, Recomputation } from "./panel-controller.js";

/** The retained status the site-master divides the grid by: demand, minimum and what was allocated. */
export function panelStatus(
  controller: PanelController,
  recomputation: Recomputation,
  instanceId: string,
  now: number,
): PanelStatus {
  const { result, inForce, appliedBudgetSequence } = recomputation;
  const amps = { L1: 0, L2: 0, L3: 0 };
  for (const p of result.profiles)
    for (const phase of p.panelPhases) amps[phase] += p.allocatedW / (p.voltageV * p.phases);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    site: controller.config.site,
    panel: controller.config.panel,
    leader: { instanceId, epoch: controller.epoch },
    demandKw: round(unconstrainedDemandKw(controller)),
    minimumKw: round(result.minimumKw),
    allocatedKw: round(result.allocatedKw),
    budgetKw: round(inForce.budget.totalKw),
    ...(appliedBudgetSequence !== undefined ? { appliedBudgetSequence } : {}),
    strategy: controller.strategy.kind === "CUSTOM" ? "EQUAL_SHARE" : controller.strategy.kind,
    allocatedPhaseAmps: { L1: round(amps.L1), L2: round(amps.L2), L3: round(amps.L3) },
    sessions: result.profiles.map((p) => ({
      transactionId: String(p.transactionId),
      chargerId: p.clientId,
      connectorId: p.connectorId,
      allocatedKw: p.allocatedKw,
      minChargeRateKw: p.minChargeRateKw,
      reason: p.reason,
      ...(p.limitingPhase !== undefined ? { limitingPhase: p.limitingPhase } : {}),
    })),
    publishedAt: new Date(now).toISOString(),
  };
}

/**
 * What the sessions would draw with no budget at all: each at its lower cap (a session with no cap at
 * the breaker's rating). The site-master divides the grid by this; a demand clipped to the current budget
 * would keep a panel at whatever budget it happens to have.
 */
export function unconstrainedDemandKw(controller: PanelController): number {
  const breakerKw = controller.config.breaker.kw;
  let kw = 0;
  for (const s of controller.sessions.values())
    kw += Math.min(breakerKw, s.maxHardwarePowerKw ?? Infinity, s.maxEvAcceptancePowerKw ?? Infinity);
  return kw;
}
