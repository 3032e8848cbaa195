import type { Example } from "./example-messages.js";

const envelope = {
  site: "depot-north",
  panel: "panel-a",
  epoch: 12,
  issuedAt: "2025-03-14T09:30:00Z",
} as const;

/** A limit for an OCPP 1.6 charger, and the fail-safe clear for an OCPP 2.0.1 one. */
export const PROFILE_COMMAND_EXAMPLES: [Example<"profileCommand">, ...Example<"profileCommand">[]] = [
  {
    name: "set-profile-ocpp16",
    ids: { site: "depot-north", chargerId: "CP-017" },
    message: {
      ...envelope,
      messageId: "5f0c3a52-8d1e-4c47-9a35-0f6b8e1d2c90",
      chargerId: "CP-017",
      connectorId: 1,
      action: "SetChargingProfile",
      ocppVersion: "1.6",
      payload: {
        connectorId: 1,
        csChargingProfiles: {
          chargingProfileId: 1187,
          transactionId: 1187,
          stackLevel: 0,
          chargingProfilePurpose: "TxProfile",
          chargingProfileKind: "Absolute",
          chargingSchedule: {
            chargingRateUnit: "A",
            chargingSchedulePeriod: [{ startPeriod: 0, limit: 31.8, numberPhases: 3 }],
          },
        },
      },
      expiresAt: "2025-03-14T09:31:00Z",
    },
  },
  {
    name: "clear-profile-ocpp201",
    ids: { site: "depot-north", chargerId: "CP-018" },
    message: {
      ...envelope,
      messageId: "0d4d8f7e-1b9a-4f43-8c55-2a7e3b9f6c11",
      chargerId: "CP-018",
      connectorId: 1,
      action: "ClearChargingProfile",
      ocppVersion: "2.0.1",
      payload: { chargingProfileCriteria: { evseId: 1, chargingProfilePurpose: "TxProfile" } },
      expiresAt: "2025-03-14T09:31:00Z",
    },
  },
];
