import { OcppProfileError } from "./errors.js";
import { requireInteger } from "./validate.js";

/** How a purpose relates to connectors/EVSEs; the rules differ per role, not per version. */
export type ProfileRole = "stationMax" | "txDefault" | "tx" | "other";

/**
 * The connector (1.6) or EVSE (2.x) a profile is installed on.
 * - station max profiles live on 0 (1.6 §3.13.1, 2.0.1 K01.FR.38 context) and nowhere else;
 * - transaction profiles need a real connector/EVSE > 0 (1.6 §3.13.1, 2.0.1 K01.FR.16);
 * - everything else defaults to the session's connector and may be 0 (the whole station).
 */
export function resolveTarget(
  field: "connectorId" | "evseId",
  role: ProfileRole,
  purpose: string,
  requested: number | undefined,
  sessionConnector: number,
): number {
  const target = requireInteger(field, requested ?? (role === "stationMax" ? 0 : sessionConnector), 0);
  if (role === "stationMax" && target !== 0) {
    throw new OcppProfileError(field, `${purpose} is only allowed on ${field} 0, got ${target}`);
  }
  if (role === "tx" && target === 0) {
    throw new OcppProfileError(field, `${purpose} needs ${field} > 0; 0 addresses the whole station`);
  }
  return target;
}
