/**
 * One walk over a parsed message asking only "is anything wrong?": does every input key survive parsing
 * (see unknown-fields.ts) and is every output value representable in JSON (see json-safe.ts)? Every
 * published message takes this walk; only when it answers no do the two exact walks run to name the field,
 * so their order and paths stay the single source of the error. It may answer no when nothing is wrong
 * (the exact walks then find nothing), but never yes when one of them would find something.
 */

import { firstNonJsonValue } from "./json-safe.js";
import { isPlainObject } from "./unknown-fields.js";

export function isCleanOutput(input: unknown, output: unknown): boolean {
  switch (typeof output) {
    case "number":
      return Number.isFinite(output);
    case "bigint":
    case "function":
    case "symbol":
      return false;
    case "object":
      break;
    default:
      return true;
  }
  if (output === null) return true;
  // Parsing kept this object as it was (the opaque OCPP payload is `z.unknown()`): no key below it can have
  // been dropped, only the JSON check is left, and that walk allocates nothing when it finds nothing.
  if (input === output) return firstNonJsonValue(output) === null;
  if (Array.isArray(output)) {
    const inputs = Array.isArray(input) ? input : undefined;
    for (let index = 0; index < output.length; index++) {
      if (!isCleanOutput(inputs?.[index], output[index])) return false;
    }
    return true;
  }
  const record = output as Record<string, unknown>;
  const source = isPlainObject(input) ? input : undefined;
  if (source !== undefined) {
    for (const key in source) {
      if (!Object.hasOwn(source, key)) continue;
      if (source[key] !== undefined && !Object.hasOwn(record, key)) return false;
    }
  }
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (!isCleanOutput(source?.[key], record[key])) return false;
  }
  return true;
}
