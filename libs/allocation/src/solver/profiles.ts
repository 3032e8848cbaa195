import type { ActiveSession, LimitReason, Phase, SessionProfile } from "../types.js";
import { Outcome, PHASE_OF_INDEX, type SolverSession } from "./model.js";
import { floorToDeciAmps } from "./units.js";

/** One profile per session, in input order, and the total allocated (W). */
export function toProfiles(
  sessions: readonly ActiveSession[],
  solver: readonly SolverSession[],
  voltageV: number,
): { profiles: SessionProfile[]; allocatedW: number } {
  const profiles: SessionProfile[] = [];
  let allocatedW = 0;
  for (const s of solver) {
    const reason = reasonOf(s);
    const phase = s.outcome === Outcome.Phase ? PHASE_OF_INDEX[s.boundBy] : undefined;
    profiles.push(toProfile(sessions[s.index] as ActiveSession, s, voltageV, reason, phase));
    allocatedW += s.watts;
  }
  return { profiles, allocatedW };
}

function reasonOf(s: SolverSession): LimitReason {
  switch (s.outcome) {
    case Outcome.Minimum:
      return "minimum";
    case Outcome.Phase:
      return "phase";
    case Outcome.Budget:
      return "budget";
    case Outcome.Paused:
      return "paused";
    default:
      return s.capReason;
  }
}

/** Two literals rather than a conditional spread: every profile has one of two shapes, same key order. */
function toProfile(
  session: ActiveSession,
  s: SolverSession,
  voltageV: number,
  reason: LimitReason,
  limitingPhase: Phase | undefined,
): SessionProfile {
  const watts = s.watts;
  const allocatedAmpsPerPhase = floorToDeciAmps(watts / (voltageV * session.phases));
  // Two literals instead of a conditional spread: the solver builds one profile per session on every
  // recompute, and a spread both allocates twice and gives the objects two hidden shapes.
  if (limitingPhase === undefined) {
    return {
      transactionId: session.transactionId,
      clientId: session.clientId,
      connectorId: session.connectorId,
      allocatedKw: watts / 1000,
      allocatedW: watts,
      allocatedAmpsPerPhase,
      minChargeRateKw: s.lo / 1000,
      phases: session.phases,
      voltageV,
      reason,
      paused: reason === "paused",
      panelPhases: session.panelPhases,
    };
  }
  return {
    transactionId: session.transactionId,
    clientId: session.clientId,
    connectorId: session.connectorId,
    allocatedKw: watts / 1000,
    allocatedW: watts,
    allocatedAmpsPerPhase,
    minChargeRateKw: s.lo / 1000,
    phases: session.phases,
    voltageV,
    reason,
    limitingPhase,
    paused: reason === "paused",
    panelPhases: session.panelPhases,
  };
}
