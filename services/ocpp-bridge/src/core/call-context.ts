import type { OcppVersion, SessionEvent } from "@smart-charge/contracts";
import type { ChargerConfig } from "../config/config-schema.js";
import type { SessionKey } from "./session-events.js";
import type { SessionRegistry } from "./session-registry.js";

/** What answering one call from a charger may read and change. */
export interface CallContext {
  charger: ChargerConfig;
  sessions: SessionRegistry;
  now: number;
  heartbeatIntervalS: number;
  voltageV: number;
  /** OCPP 1.6 only: the bridge assigns transaction ids. */
  nextTransactionId: () => number;
}

/** The answer to send back, the contract events the call causes, and whether the charger just booted. */
export interface CallOutcome {
  response: Record<string, unknown>;
  events: SessionEvent[];
  booted?: boolean;
}

export function answer(response: Record<string, unknown>, events: SessionEvent[] = []): CallOutcome {
  return { response, events };
}

export function bootAccepted(ctx: CallContext): CallOutcome {
  return {
    response: {
      status: "Accepted",
      currentTime: new Date(ctx.now).toISOString(),
      interval: ctx.heartbeatIntervalS,
    },
    events: [],
    booted: true,
  };
}

/** Session keys for the calls of one charger, stamped with the time the bridge observed them. */
export function keysFor(ctx: CallContext, ocppVersion: OcppVersion) {
  return (transactionId: string, connectorId: number): SessionKey => ({
    chargerId: ctx.charger.id,
    transactionId,
    connectorId,
    ocppVersion,
    at: new Date(ctx.now).toISOString(),
  });
}
