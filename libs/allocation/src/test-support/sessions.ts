import type { ActiveSession, ChargingSession, Phase } from "../types.js";

const DEFAULT_PANEL_PHASES: Record<1 | 2 | 3, readonly Phase[]> = {
  1: ["L1"],
  2: ["L1", "L2"],
  3: ["L1", "L2", "L3"],
};

/** A registered session with the engine's defaults, for solver tests. */
export function activeSession(
  fields: Partial<ChargingSession> & { transactionId: number | string },
): ActiveSession {
  const phases = fields.phases ?? 3;
  return {
    clientId: `CP-${fields.transactionId}`,
    ...fields,
    connectorId: fields.connectorId ?? 1,
    priority: fields.priority ?? 1,
    phases,
    panelPhases: fields.panelPhases ?? DEFAULT_PANEL_PHASES[phases],
    addedAt: 0,
  };
}

/** `count` identical sessions numbered from 1. */
export function fleet(count: number, fields: Partial<ChargingSession> = {}): ActiveSession[] {
  return Array.from({ length: count }, (_, i) => activeSession({ ...fields, transactionId: i + 1 }));
}
