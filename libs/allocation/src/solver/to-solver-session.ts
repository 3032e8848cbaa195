import type { ActiveSession } from "../types.js";
import { PHASE_INDEX, type CapReason, type SolverSession } from "./model.js";
import { kwToWattsCeil, kwToWattsFloor } from "./units.js";

/** The cap of a session and which limit set it (the EV's when it is the lower of the two). */
export function capOf(session: ActiveSession): { hi: number; capReason: CapReason } {
  const hw = kwToWattsFloor(session.maxHardwarePowerKw ?? Infinity);
  const ev = kwToWattsFloor(session.maxEvAcceptancePowerKw ?? Infinity);
  return ev <= hw ? { hi: ev, capReason: "ev-cap" } : { hi: hw, capReason: "hardware-cap" };
}

export function toSolverSession(session: ActiveSession, index: number, voltageV: number): SolverSession {
  const { hi, capReason } = capOf(session);
  const lo = Math.min(kwToWattsCeil(session.minChargeRateKw ?? 0), hi);
  return {
    key: String(session.transactionId),
    index,
    lo: Math.max(0, lo),
    hi,
    capReason,
    priority: session.priority,
    weight: 1,
    ampsPerWatt: 1 / (voltageV * session.phases),
    phaseIndices: session.panelPhases.map((p) => PHASE_INDEX[p]),
    addedAt: session.addedAt,
  };
}
