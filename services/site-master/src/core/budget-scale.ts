import type { PanelStatus } from "@smart-charge/contracts";
import type { IssuedBudget } from "./budget-ledger.js";

/**
 * A panel-engine may hold back its own safety margin: given 30 kW with 10 % kept, it reports a budget of
 * 27 kW and a demand measured against that. The ratio of what was sent to what the engine says is in
 * force turns its demand and minimum back into budget terms, so the panel is not kept just short of what
 * it asks for. Anything odd (no budget, a fallback, an implausible ratio) counts as 1.
 */
export function budgetScale(status: PanelStatus | undefined, sent: IssuedBudget | undefined): number {
  if (status?.budgetKw === undefined || sent === undefined || !(status.budgetKw > 0)) return 1;
  const ratio = sent.limit.w / 1000 / status.budgetKw;
  return ratio >= 1 && ratio <= 10 ? ratio : 1;
}
