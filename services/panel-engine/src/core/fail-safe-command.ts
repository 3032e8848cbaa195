import { randomUUID } from "node:crypto";
import type { ProfileCommand } from "@smart-charge/contracts";
import {
  buildOcpp16FailSafeRequest,
  buildOcpp201FailSafeRequest,
  buildOcpp21FailSafeRequest,
  type FailSafeInput,
} from "@smart-charge/ocpp-builders";
import type { ChargerConfig, PanelEngineConfig } from "../config/config-schema.js";

/**
 * What one connector of the charger may draw when no engine tells it anything: the configured
 * `failSafe.kwPerConnector`, else the safe default budget shared among the panel's chargers, never more
 * than the charger's rating. If every engine of the panel dies, each charger falls back to this once its
 * TxProfile expires, so the panel stays within its safe default budget.
 */
export function failSafeLimitW(config: PanelEngineConfig, charger: ChargerConfig): number {
  const shared = config.failSafe.kwPerConnector ?? config.safeDefaultBudget.kw / config.chargers.length;
  const kw = Math.min(shared, charger.maxHardwarePowerKw ?? Infinity);
  return Math.floor(kw * 1000);
}

/** The TxDefaultProfile command for connector/EVSE 0 of the charger, stamped with the leader's epoch. */
export function failSafeCommand(
  config: PanelEngineConfig,
  charger: ChargerConfig,
  epoch: number,
  now: number,
): ProfileCommand {
  const input: FailSafeInput = {
    clientId: charger.id,
    limitW: failSafeLimitW(config, charger),
    phases: charger.phases ?? 3,
    voltageV: config.voltageV,
  };
  return {
    messageId: randomUUID(),
    site: config.site,
    panel: config.panel,
    chargerId: charger.id,
    connectorId: 0,
    action: "SetChargingProfile",
    ocppVersion: charger.ocppVersion,
    payload: { ...failSafePayload(charger.ocppVersion, input) },
    epoch,
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + config.timing.profileTtlS * 1000).toISOString(),
  };
}

function failSafePayload(version: ChargerConfig["ocppVersion"], input: FailSafeInput): object {
  switch (version) {
    case "1.6":
      return buildOcpp16FailSafeRequest(input);
    case "2.0.1":
      return buildOcpp201FailSafeRequest(input);
    case "2.1":
      return buildOcpp21FailSafeRequest(input);
  }
}
