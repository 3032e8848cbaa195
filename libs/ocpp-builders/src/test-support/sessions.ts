import type { SessionProfile } from "@smart-charge/allocation";

/** A 3-phase session on connector 1 with 13.32 kW (19.3 A per phase at 230 V): the shape the engine emits. */
export function sampleSession(overrides: Partial<SessionProfile> = {}): SessionProfile {
  return {
    transactionId: 42,
    clientId: "CP-001",
    connectorId: 1,
    allocatedKw: 13.32,
    allocatedW: 13320,
    allocatedAmpsPerPhase: 19.3,
    minChargeRateKw: 4.14,
    phases: 3,
    voltageV: 230,
    reason: "budget",
    paused: false,
    panelPhases: ["L1", "L2", "L3"],
    ...overrides,
  };
}

/** 2025-01-15T06:00:00.000Z, the engine clock in examples. */
export const SAMPLE_NOW = Date.UTC(2025, 0, 15, 6, 0, 0);
