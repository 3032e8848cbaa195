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

/**
 * A failed call: what it means for the engine (the charger was gone, slow, or refused the request), and
 * the metric label for it, from a fixed set: a call error's reason carries the charger's own text, which
 * would give the metric one series per message.
 */
export function classifyFailure(error: unknown, timedOut: boolean): { outcome: Outcome; label: string } {
  if (timedOut) return { outcome: { status: "Rejected", reason: "timeout" }, label: "timeout" };
  const { rpcErrorCode, message } = (error ?? {}) as { rpcErrorCode?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : String(error);
  if (rpcErrorCode === "NotImplemented" || rpcErrorCode === "NotSupported")
    return { outcome: { status: "NotSupported", reason: rpcErrorCode }, label: rpcErrorCode };
  if (typeof rpcErrorCode === "string")
    return {
      outcome: { status: "Rejected", reason: `${rpcErrorCode}: ${text}`.slice(0, 512) },
      label: "call-error",
    };
  return { outcome: { status: "Rejected", reason: "offline" }, label: "offline" };
}

/** What a failed call means for the engine (see classifyFailure). */
export function outcomeOfFailure(error: unknown, timedOut: boolean): Outcome {
  return classifyFailure(error, timedOut).outcome;
}
