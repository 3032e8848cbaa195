import { OcppProfileError } from "./errors.js";
import { MAX_OCPP_INTEGER, requireInteger } from "./validate.js";

/** What makes an installed profile "the same slot" on a charger. */
export interface ProfileSlot {
  /** Charging station identity (the OCPP client id). */
  clientId: string;
  /** Connector (1.6) or EVSE (2.x) the profile is installed on; 0 is the whole station. */
  target: number;
  /** The OCPP purpose string, e.g. `TxProfile`. */
  purpose: string;
  stackLevel: number;
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over bytes: tiny, dependency-free and easy to reproduce in any bridge language. */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash;
}

const encoder = new TextEncoder();
/** Reused for every key: a profile id is worked out for every command the engine sends. */
let scratch = new Uint8Array(256);

/** The UTF-8 bytes of `text`, in a buffer that the next call overwrites. */
function utf8(text: string): Uint8Array {
  // UTF-8 needs at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

/**
 * A profile id that is the same on every re-dispatch of the same slot, so a re-send replaces the installed
 * profile (OCPP 2.0.1 K01.FR.05) instead of being rejected as a second profile with the same stack level and
 * purpose (K01.FR.06/39).
 *
 * Algorithm: FNV-1a 32-bit over the UTF-8 bytes of `JSON.stringify([clientId, target, purpose, stackLevel])`,
 * masked to 31 bits so it is a positive 32-bit signed integer; 0 becomes 1 because some chargers treat 0 as
 * "no id".
 */
export function stableProfileId(slot: ProfileSlot): number {
  if (typeof slot.clientId !== "string") {
    throw new OcppProfileError("clientId", `must be a string, got ${String(slot.clientId)}`);
  }
  requireInteger("connectorId", slot.target, 0);
  requireInteger("stackLevel", slot.stackLevel, 0);
  const key = JSON.stringify([slot.clientId, slot.target, slot.purpose, slot.stackLevel]);
  const id = fnv1a32(utf8(key)) & MAX_OCPP_INTEGER;
  return id === 0 ? 1 : id;
}
