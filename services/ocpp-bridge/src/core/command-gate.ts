import {
  isExpired,
  type CommandStatus,
  type Fence,
  type OcppVersion,
  type ProfileCommand,
} from "@smart-charge/contracts";

export type GateDecision =
  | { kind: "relay" }
  /** `code` names the error report operators see; a plain refusal by circumstance (offline) has none. */
  | { kind: "drop"; status: CommandStatus; reason: string; code?: string; field?: string };

/**
 * Whether a profile command may go to its charger, in the contract's order: expired commands are never
 * sent; then the fence (the epoch of an expired command is not remembered); then the charger must be
 * connected and speak the version the payload was written for.
 */
export function gateCommand(
  command: ProfileCommand,
  fence: Fence,
  connectedVersion: OcppVersion | undefined,
  now: number,
): GateDecision {
  if (isExpired(command, now))
    return { kind: "drop", status: "Rejected", reason: "expired", code: "expired", field: "expiresAt" };
  // Per charger and per panel: a deposed engine is fenced even for a charger the new leader has not
  // spoken to yet.
  if (!fence.admitCommand(command))
    return { kind: "drop", status: "Rejected", reason: "fenced", code: "fenced", field: "epoch" };
  if (connectedVersion === undefined) return { kind: "drop", status: "Rejected", reason: "offline" };
  if (connectedVersion !== command.ocppVersion)
    return {
      kind: "drop",
      status: "NotSupported",
      reason: `charger speaks OCPP ${connectedVersion}`,
      code: "version-mismatch",
      field: "ocppVersion",
    };
  return { kind: "relay" };
}
