import { parseConfig } from "../config/load-config.js";
import type { StoredSession } from "../state/panel-state-store.js";

/** A panel of `chargers` three-phase chargers (CP-1 …) of `maxKw` each on a 50 kW breaker, for PanelController tests. */
export function controllerConfig(chargers: number, maxKw: number, raiseHoldMs: number) {
  return parseConfig({
    site: "s",
    panel: "p",
    chargers: Array.from({ length: chargers }, (_, i) => ({
      id: `CP-${i + 1}`,
      phases: 3,
      maxHardwarePowerKw: maxKw,
    })),
    breaker: { kw: 50 },
    safeDefaultBudget: { kw: 10 },
    failSafe: { enabled: false },
    minDwellMs: 0,
    mqtt: { url: "mqtt://x" },
    timing: { raiseHoldMs },
  });
}

/** Session tx-n on charger CP-n, started at n ms. */
export function storedSession(n: number, maxKw: number): StoredSession {
  return {
    transactionId: `tx-${n}`,
    clientId: `CP-${n}`,
    chargerId: `CP-${n}`,
    connectorId: 1,
    ocppVersion: "1.6",
    phases: 3,
    panelPhases: ["L1", "L2", "L3"],
    priority: 1,
    addedAt: n,
    maxHardwarePowerKw: maxKw,
  };
}
