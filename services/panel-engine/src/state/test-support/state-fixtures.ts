import type { PanelBudget } from "@smart-charge/contracts";
import type { CommandedLimit, StoredSession } from "../panel-state-store.js";

/** A session as the panel-engine stores it; numbers chosen so lost precision would show. */
export function session(transactionId: string, overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    transactionId,
    clientId: "CP-1",
    chargerId: "CP-1",
    ocppVersion: "2.0.1",
    connectorId: 1,
    priority: 1,
    phases: 3,
    panelPhases: ["L1", "L2", "L3"],
    addedAt: 1_767_225_600_123,
    maxHardwarePowerKw: 22.080000000000002,
    minChargeRateKw: 4.14,
    ...overrides,
  };
}

export function budget(site: string, panel: string, sequence: number, totalKw = 60): PanelBudget {
  return {
    site,
    panel,
    totalKw,
    phaseAmps: { L1: 96.5, L2: 96.5, L3: 80.25 },
    sequence,
    issuedAt: "2026-01-01T00:00:00.000Z",
    expiresAt: "2026-01-01T00:05:00.000Z",
  };
}

export function commanded(
  transactionId: string,
  messageId: string,
  overrides: Partial<CommandedLimit> = {},
): CommandedLimit {
  return {
    transactionId,
    chargerId: "CP-1",
    connectorId: 1,
    limitW: 7360.5,
    messageId,
    sentAt: 1_767_225_600_456,
    acknowledged: false,
    ...overrides,
  };
}

/** A copy without one field, as a store that never had it would return it. */
export function without<T extends object, K extends keyof T>(value: T, field: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[field];
  return copy;
}
