import type { CommandStatus, ProfileAction } from "@smart-charge/contracts";

export interface Outcome {
  status: CommandStatus;
  reason?: string;
}

interface ProfileAnswer {
  status?: unknown;
  statusInfo?: { reasonCode?: unknown };
}

/**
 * The command result for a charger's answer. 1.6 answers Accepted / Rejected / NotSupported, 2.x
 * Accepted / Rejected with an optional reason code; a ClearChargingProfile answered Unknown (nothing
 * matched) is Accepted, since no limit remains.
 */
export function outcomeOfAnswer(action: ProfileAction, answer: unknown): Outcome {
  const { status, statusInfo } = (answer ?? {}) as ProfileAnswer;
  const reasonCode = typeof statusInfo?.reasonCode === "string" ? statusInfo.reasonCode : undefined;
  const withReason = (s: CommandStatus, reason = reasonCode): Outcome =>
    reason === undefined ? { status: s } : { status: s, reason };
  if (status === "Accepted") return withReason("Accepted");
  if (status === "Unknown" && action === "ClearChargingProfile") return withReason("Accepted", "Unknown");
  if (status === "Rejected") return withReason("Rejected", reasonCode ?? "Rejected");
  if (status === "NotSupported") return withReason("NotSupported", "NotSupported");
  return { status: "Rejected", reason: `unexpected answer status ${JSON.stringify(status)}` };
}

/** What a failed call means for the engine: the charger was gone, slow, or refused the request. */
export function outcomeOfFailure(error: unknown, timedOut: boolean): Outcome {
  if (timedOut) return { status: "Rejected", reason: "timeout" };
  const { rpcErrorCode, message } = (error ?? {}) as { rpcErrorCode?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : String(error);
  if (rpcErrorCode === "NotImplemented" || rpcErrorCode === "NotSupported")
    return { status: "NotSupported", reason: rpcErrorCode };
  if (typeof rpcErrorCode === "string")
    return { status: "Rejected", reason: `${rpcErrorCode}: ${text}`.slice(0, 512) };
  return { status: "Rejected", reason: "offline" };
}

/**
 * The outcome of a failed call as a metric label, from a fixed set: a call error's reason carries the
 * charger's own text, which would give the metric one series per message.
 */
export function failureLabel(outcome: Outcome): string {
  const reason = outcome.reason ?? outcome.status;
  return reason.includes(": ") ? "call-error" : reason;
}
