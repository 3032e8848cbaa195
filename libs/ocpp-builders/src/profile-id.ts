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

/**
 * FNV-1a over the UTF-8 bytes of `text`, continuing from `hash`. Same result as fnv1a32 of TextEncoder's
 * output, without allocating an encoder and a byte array on every re-dispatch.
 */
function fnv1a32Utf8(hash: number, text: string): number {
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        index++;
      } else {
        code = 0xfffd; // a lone surrogate, which TextEncoder writes as U+FFFD
      }
    }
    if (code < 0x80) {
      hash = Math.imul(hash ^ code, FNV_PRIME) >>> 0;
    } else if (code < 0x800) {
      hash = Math.imul(hash ^ (0xc0 | (code >> 6)), FNV_PRIME) >>> 0;
      hash = Math.imul(hash ^ (0x80 | (code & 0x3f)), FNV_PRIME) >>> 0;
    } else if (code < 0x10000) {
      hash = Math.imul(hash ^ (0xe0 | (code >> 12)), FNV_PRIME) >>> 0;
      hash = Math.imul(hash ^ (0x80 | ((code >> 6) & 0x3f)), FNV_PRIME) >>> 0;
      hash = Math.imul(hash ^ (0x80 | (code & 0x3f)), FNV_PRIME) >>> 0;
    } else {
      hash = Math.imul(hash ^ (0xf0 | (code >> 18)), FNV_PRIME) >>> 0;
      hash = Math.imul(hash ^ (0x80 | ((code >> 12) & 0x3f)), FNV_PRIME) >>> 0;
      hash = Math.imul(hash ^ (0x80 | ((code >> 6) & 0x3f)), FNV_PRIME) >>> 0;
      hash = Math.imul(hash ^ (0x80 | (code & 0x3f)), FNV_PRIME) >>> 0;
    }
  }
  return hash;
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
  const id = fnv1a32Utf8(FNV_OFFSET_BASIS, key) & MAX_OCPP_INTEGER;
  return id === 0 ? 1 : id;
}
