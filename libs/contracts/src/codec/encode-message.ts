import type { z } from "zod";
import { ContractError } from "../errors/contract-error.js";
import { isCleanOutput } from "./clean-output.js";
import { compiledSchema } from "./compiled-schema.js";
import { fieldPath, firstIssue } from "./first-issue.js";
import { firstNonJsonValue } from "./json-safe.js";
import { firstDroppedKey } from "./unknown-fields.js";

/**
 * Validates, then serialises to the JSON text to publish. Stricter than decodeMessage: unknown fields are
 * an error here, since the writer is the one place a typo can still be caught. Throws ContractError.
 */
export function encodeMessage<S extends z.ZodType>(schema: S, value: z.input<S>): string {
  const parsed = compiledSchema(schema).safeParse(value);
  if (!parsed.success) throw new ContractError(firstIssue(parsed.error));
  // One cheap walk for the usual case of a clean message; the exact walks only run to name a problem.
  if (!isCleanOutput(value, parsed.data)) {
    const dropped = firstDroppedKey(value, parsed.data);
    if (dropped !== null) {
      throw new ContractError({
        field: fieldPath(dropped),
        message: "unknown field; readers would ignore it",
      });
    }
    const unsafe = firstNonJsonValue(parsed.data);
    if (unsafe !== null) {
      throw new ContractError({
        field: fieldPath(unsafe),
        message: "not representable in JSON (non-finite number?)",
      });
    }
  }
  return JSON.stringify(parsed.data);
}
