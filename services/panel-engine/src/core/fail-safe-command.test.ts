import { describe, expect, it } from "vitest";
import { decodeMessage, MESSAGE_SCHEMAS } from "@smart-charge/contracts";
import { parseConfig } from "../config/load-config.js";
import { failSafeCommand, failSafeLimitW } from "./fail-safe-command.js";

const config = parseConfig({
  site: "s",
  panel: "p",
  chargers: [
    { id: "CP-1", phases: 3 },
    { id: "CP-2", phases: 1, panelPhases: ["L2"], ocppVersion: "2.0.1", maxHardwarePowerKw: 2 },
    { id: "CP-3", ocppVersion: "2.1" },
  ],
  breaker: { kw: 50 },
  safeDefaultBudget: { kw: 12 },
  mqtt: { url: "mqtt://x" },
});
const [cp1, cp2, cp3] = config.chargers as [
  (typeof config.chargers)[0],
  (typeof config.chargers)[0],
  (typeof config.chargers)[0],
];

describe("fail-safe profile", () => {
  it("shares the safe default budget among the chargers, capped by each charger's rating", () => {
    expect(failSafeLimitW(config, cp1)).toBe(4_000);
    expect(failSafeLimitW(config, cp2)).toBe(2_000);
    const configured = parseConfig({ ...config, failSafe: { kwPerConnector: 3.5 } });
    expect(failSafeLimitW(configured, cp1)).toBe(3_500);
  });

  it("refuses a configured fail-safe above the safe default budget", () => {
    expect(() => parseConfig({ ...config, failSafe: { kwPerConnector: 13 } })).toThrow(
      /failSafe.kwPerConnector/,
    );
  });

  it("is a valid contract command: TxDefaultProfile on connector/EVSE 0, with the leader's epoch", () => {
    for (const [charger, purposeOf] of [
      [cp1, (p: Record<string, unknown>) => p["csChargingProfiles"] as Record<string, unknown>],
      [cp2, (p: Record<string, unknown>) => p["chargingProfile"] as Record<string, unknown>],
      [cp3, (p: Record<string, unknown>) => p["chargingProfile"] as Record<string, unknown>],
    ] as const) {
      const command = failSafeCommand(config, charger, 7, Date.parse("2026-01-01T00:00:00Z"));
      expect(decodeMessage(MESSAGE_SCHEMAS.profileCommand, JSON.stringify(command)).ok).toBe(true);
      expect(command).toMatchObject({ connectorId: 0, epoch: 7, action: "SetChargingProfile" });
      expect(purposeOf(command.payload)["chargingProfilePurpose"]).toBe("TxDefaultProfile");
    }
  });
});
