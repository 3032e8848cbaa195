import type { Budget } from "@smart-charge/allocation";
import type { PanelEngineConfig } from "../config/config-schema.js";
import { failSafeLimitW } from "./fail-safe-command.js";
import { DEFAULT_WIRING } from "./session-from-event.js";

/**
 * The budget left for running sessions once every idle charger's fail-safe is set aside
 * (`failSafe.reserveForIdleChargers`). A car that plugs into an idle charger draws its TxDefaultProfile
 * at once, before its bridge's `started` event reaches the engine; keeping that headroom makes the sum
 * of what chargers may draw fit the budget even in that moment.
 */
export function withIdleReserve(
  budget: Budget,
  config: PanelEngineConfig,
  busyChargers: ReadonlySet<string>,
): Budget {
  if (!config.failSafe.enabled || !config.failSafe.reserveForIdleChargers) return budget;
  let reservedW = 0;
  const amps = { L1: 0, L2: 0, L3: 0 };
  for (const charger of config.chargers) {
    if (busyChargers.has(charger.id)) continue;
    const watts = failSafeLimitW(config, charger);
    const phases = charger.phases ?? 3;
    reservedW += watts;
    for (const p of charger.panelPhases ?? DEFAULT_WIRING[phases])
      amps[p] += watts / (config.voltageV * phases);
  }
  const totalKw = Math.max(0, budget.totalKw - reservedW / 1000);
  const limits = budget.phaseAmps;
  if (limits === undefined) return { totalKw };
  return {
    totalKw,
    phaseAmps: {
      L1: Math.max(0, limits.L1 - amps.L1),
      L2: Math.max(0, limits.L2 - amps.L2),
      L3: Math.max(0, limits.L3 - amps.L3),
    },
  };
}
