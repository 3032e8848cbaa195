import type { ActiveSession, Phase } from "../types.js";
import { Outcome, PHASE_INDEX, type SolverSession } from "./model.js";
import { kwToWattsCeil, kwToWattsFloor } from "./units.js";

export function toSolverSession(session: ActiveSession, index: number, voltageV: number): SolverSession {
  // The cap is the lower of the charger and the EV; the EV's when they are equal.
  const hw = kwToWattsFloor(session.maxHardwarePowerKw ?? Infinity);
  const ev = kwToWattsFloor(session.maxEvAcceptancePowerKw ?? Infinity);
  const hi = ev <= hw ? ev : hw;
  const lo = Math.max(0, Math.min(kwToWattsCeil(session.minChargeRateKw ?? 0), hi));
  return {
    index,
    lo,
    hi,
    capReason: ev <= hw ? "ev-cap" : "hardware-cap",
    priority: session.priority,
    weight: 1,
    wattsPerAmp: voltageV * session.phases,
    phaseMask: phaseMaskOf(session.panelPhases),
    watts: 0,
    belowMinimum: lo > 0,
    boundBy: -1,
    outcome: Outcome.Idle,
    charging: false,
  };
}

/** Bit PHASE_INDEX[p] for each conductor; anything else sets bit 0, which no phase test reads. */
function phaseMaskOf(panelPhases: readonly Phase[]): number {
  let mask = 0;
  for (let i = 0; i < panelPhases.length; i++) {
    const p = panelPhases[i] as Phase;
    // Comparisons first: cheaper than a keyed lookup, which only odd values need.
    if (p === "L1") mask |= 2;
    else if (p === "L2") mask |= 4;
    else if (p === "L3") mask |= 8;
    else mask |= 1 << PHASE_INDEX[p];
  }
  return mask;
}
