import type { Phase, PhaseCount } from "@smart-charge/allocation";
import type { FieldError, SessionStarted, SessionUpdated } from "@smart-charge/contracts";
import type { ChargerConfig } from "../config/config-schema.js";
import type { SessionPatch, StoredSession } from "../state/panel-state-store.js";

export const DEFAULT_WIRING: Record<PhaseCount, readonly Phase[]> = {
  1: ["L1"],
  2: ["L1", "L2"],
  3: ["L1", "L2", "L3"],
};

/**
 * A started session, completed from the charger's configuration: the wiring an installer recorded wins
 * over what a bridge reports, and the charger's configured rating caps what the bridge claims.
 */
export function sessionFromStarted(
  event: SessionStarted,
  charger: ChargerConfig,
  now: number,
): StoredSession | FieldError {
  const phases = charger.phases ?? event.phases ?? 3;
  const panelPhases = charger.panelPhases ?? event.panelPhases ?? DEFAULT_WIRING[phases];
  if (panelPhases.length !== phases) return { field: "panelPhases", message: `must list ${phases} phase(s)` };
  const cap = Math.min(event.maxHardwarePowerKw ?? Infinity, charger.maxHardwarePowerKw ?? Infinity);
  return {
    transactionId: event.transactionId,
    clientId: event.chargerId,
    chargerId: event.chargerId,
    connectorId: event.connectorId,
    ocppVersion: event.ocppVersion,
    phases,
    panelPhases,
    priority: event.priority ?? 1,
    addedAt: now,
    ...(cap !== Infinity ? { maxHardwarePowerKw: cap } : {}),
    ...(event.maxEvAcceptancePowerKw !== undefined
      ? { maxEvAcceptancePowerKw: event.maxEvAcceptancePowerKw }
      : {}),
    ...(event.minChargeRateKw !== undefined ? { minChargeRateKw: event.minChargeRateKw } : {}),
  };
}

/** The fields of an update that change stored state; wiring stays as configured for the charger. */
export function patchFromUpdated(event: SessionUpdated, charger: ChargerConfig): SessionPatch {
  const patch: SessionPatch = {};
  if (event.maxHardwarePowerKw !== undefined) {
    const rating = charger.maxHardwarePowerKw;
    patch.maxHardwarePowerKw =
      event.maxHardwarePowerKw === null
        ? (rating ?? null)
        : Math.min(event.maxHardwarePowerKw, rating ?? Infinity);
  }
  if (event.maxEvAcceptancePowerKw !== undefined) patch.maxEvAcceptancePowerKw = event.maxEvAcceptancePowerKw;
  if (event.minChargeRateKw !== undefined) patch.minChargeRateKw = event.minChargeRateKw;
  if (event.priority !== undefined) patch.priority = event.priority;
  if (charger.phases === undefined && event.phases !== undefined) {
    patch.phases = event.phases;
    patch.panelPhases = event.panelPhases ?? DEFAULT_WIRING[event.phases];
  }
  return patch;
}
