import type { Example } from "./example-messages.js";

const ids = { site: "depot-north", chargerId: "CP-017" };
const key = { chargerId: "CP-017", transactionId: 1187, connectorId: 1, ocppVersion: "1.6" } as const;

/** A whole session as a bridge reports it, from start to stop. */
export const SESSION_EVENT_EXAMPLES: [Example<"sessionEvent">, ...Example<"sessionEvent">[]] = [
  {
    name: "started",
    ids,
    message: {
      type: "started",
      ...key,
      at: "2025-03-14T09:30:00Z",
      maxHardwarePowerKw: 22,
      minChargeRateKw: 4.2,
      priority: 1,
      phases: 3,
      panelPhases: ["L1", "L2", "L3"],
    },
  },
  {
    name: "updated-ev-cap",
    ids,
    message: {
      type: "updated",
      ...key,
      at: "2025-03-14T10:05:00Z",
      maxEvAcceptancePowerKw: 11,
      minChargeRateKw: null,
    },
  },
  {
    name: "meter-values",
    ids,
    message: {
      type: "meter-values",
      ...key,
      at: "2025-03-14T10:06:00Z",
      powerKw: 10.9,
      phaseAmps: { L1: 15.8, L2: 15.7, L3: 15.9 },
      energyKwh: 19.4,
      socPercent: 71,
    },
  },
  {
    name: "stopped",
    ids,
    message: { type: "stopped", ...key, at: "2025-03-14T11:12:00Z", reason: "EVDisconnected" },
  },
];
