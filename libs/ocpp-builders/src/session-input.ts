import type { SessionProfile } from "@smart-charge/allocation";
import { OcppProfileError } from "./errors.js";
import { requireFiniteNonNegative, requireInteger, requireOneOf, requirePositive } from "./validate.js";

/**
 * Checks the SessionProfile fields the builders read. A custom strategy or a JSON round trip can hand us
 * NaN, Infinity or a negative number; a profile built from those would be rejected or, worse, accepted.
 */
export function checkSession(session: SessionProfile): SessionProfile {
  if (typeof session.clientId !== "string") {
    throw new OcppProfileError("clientId", `must be a string, got ${String(session.clientId)}`);
  }
  const transactionIdType = typeof session.transactionId;
  if (transactionIdType !== "string" && transactionIdType !== "number") {
    throw new OcppProfileError(
      "transactionId",
      `must be a string or a number, got ${String(session.transactionId)}`,
    );
  }
  requireInteger("connectorId", session.connectorId, 0);
  requireFiniteNonNegative("allocatedW", session.allocatedW);
  requireFiniteNonNegative("allocatedAmpsPerPhase", session.allocatedAmpsPerPhase);
  requireOneOf("phases", session.phases, [1, 2, 3] as const);
  requirePositive("voltageV", session.voltageV);
  requireFiniteNonNegative("minChargeRateKw", session.minChargeRateKw);
  return session;
}
