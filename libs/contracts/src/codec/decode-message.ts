import type { z } from "zod";
import { JSON_FIELD, ROOT_FIELD } from "../errors/contract-error.js";
import type { ContractIssue } from "../errors/contract-error.js";
import { compiledSchema } from "./compiled-schema.js";
import { firstIssue } from "./first-issue.js";

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: ContractIssue };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function parseJson(payload: Uint8Array | string): Decoded<unknown> {
  let text: string;
  try {
    text = typeof payload === "string" ? payload : utf8.decode(payload);
  } catch {
    return { ok: false, error: { field: JSON_FIELD, message: "payload is not valid UTF-8" } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { field: JSON_FIELD, message: `payload is not valid JSON: ${detail}` } };
  }
}

/**
 * Reads a message as every side must: never throws, tolerates unknown fields (dropped), and names the
 * first offending field so the sender can be told exactly what to fix.
 */
export function decodeMessage<S extends z.ZodType>(
  schema: S,
  payload: Uint8Array | string,
): Decoded<z.output<S>> {
  const json = parseJson(payload);
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: { field: ROOT_FIELD, message: "expected a JSON object" } };
  }
  const parsed = compiledSchema(schema).safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: firstIssue(parsed.error) };
}
