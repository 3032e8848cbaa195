import {
  decodeMessage,
  MESSAGE_SCHEMAS,
  type PanelStatus,
  type ProfileCommand,
} from "@smart-charge/contracts";
import type { RecordedMessage } from "@smart-charge/test-infra";

/** A recorded profile command, decoded with the contract's schema (a test fails on an invalid one). */
export const commandOf = (m: RecordedMessage): ProfileCommand => {
  const decoded = decodeMessage(MESSAGE_SCHEMAS.profileCommand, m.payload);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
};

export const statusOf = (m: RecordedMessage): PanelStatus => m.json() as PanelStatus;
