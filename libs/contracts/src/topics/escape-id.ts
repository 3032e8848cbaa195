/**
 * Ids become single topic levels. Anything outside [A-Za-z0-9._-] is percent-encoded (UTF-8, upper-case
 * hex), so `/`, `+`, `#`, `$` and NUL can never add a level, act as a wildcard or hide a topic.
 * Exactly one spelling is accepted per id: two spellings of one charger would let a message slip past
 * a broker ACL or a subscription written for the other.
 */
import { ContractError } from "../errors/contract-error.js";

const SAFE_CHAR = /^[A-Za-z0-9._-]$/;
const SAFE_ID = /^[A-Za-z0-9._-]+$/;
const ESCAPED_LEVEL = /^(?:[A-Za-z0-9._-]|%[0-9A-F]{2})+$/;
const LONE_SURROGATE = /\p{Cs}/u;

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function hex(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

/** Escapes an id for use as one topic level; throws ContractError for ids that cannot round-trip. */
export function escapeId(id: string, field = "id"): string {
  if (id.length === 0) throw new ContractError({ field, message: "must not be empty" });
  // Most ids need no escaping; every topic built and parsed goes through here.
  if (SAFE_ID.test(id)) return id;
  if (LONE_SURROGATE.test(id)) throw new ContractError({ field, message: "is not well-formed Unicode" });
  let escaped = "";
  for (const char of id) {
    escaped += SAFE_CHAR.test(char) ? char : Array.from(encoder.encode(char), hex).join("");
  }
  return escaped;
}

/** Decodes one topic level; null when it is not the canonical escaping of some id. */
export function unescapeId(level: string): string | null {
  if (SAFE_ID.test(level)) return level;
  if (!ESCAPED_LEVEL.test(level)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < level.length;) {
    if (level[i] === "%") {
      bytes.push(Number.parseInt(level.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(level.charCodeAt(i));
      i += 1;
    }
  }
  let id: string;
  try {
    id = strictDecoder.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
  return escapeId(id) === level ? id : null;
}
