import type { OcppVersion } from "@smart-charge/contracts";
import { buildOcpp16FailSafeRequest, buildOcpp201FailSafeRequest } from "@smart-charge/ocpp-builders";
import type { BridgeConfig, ChargerConfig } from "../config/config-schema.js";

/**
 * The SetChargingProfile request that installs the fail-safe TxDefaultProfile on connector/EVSE 0: what
 * every connector of the charger draws at most when no TxProfile from the engine is in force (the engine
 * is down, its profile expired, or it has not sent one yet).
 */
export function failSafeRequest(
  version: Exclude<OcppVersion, "2.1">,
  charger: ChargerConfig,
  config: Pick<BridgeConfig, "failSafe" | "voltageV">,
): Record<string, unknown> {
  const input = {
    clientId: charger.id,
    limitW: config.failSafe.limitKw * 1000,
    phases: charger.phases,
    voltageV: config.voltageV,
  };
  return { ...(version === "1.6" ? buildOcpp16FailSafeRequest(input) : buildOcpp201FailSafeRequest(input)) };
}
