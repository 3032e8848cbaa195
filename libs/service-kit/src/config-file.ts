import { readFileSync } from "node:fs";
import type { z } from "zod";

/** A configuration that cannot be used; `field` is the dotted path of the first offending field. */
export class ConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`config ${field}: ${message}`);
    this.name = "ConfigError";
  }
}

/** Validates an already-parsed config object, throwing a ConfigError that names the first wrong field. */
export function parseWithSchema<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new ConfigError("(root)", "must be a JSON object");
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // A misspelt key is reported under its own name, so the operator sees which line of the file is wrong.
  const path =
    issue?.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : (issue?.path ?? []);
  const field = path.length === 0 ? "(root)" : path.map(String).join(".");
  throw new ConfigError(field, issue?.message ?? "invalid");
}

/** Reads a JSON config file; unreadable or unparseable files are ConfigErrors too. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError("(file)", `cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError("(json)", `${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The field a config call fails on, or undefined when it succeeds; any other error is rethrown. For tests
 * and tools that check which line of a file an operator must fix.
 */
export function configErrorField(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    if (error instanceof ConfigError) return error.field;
    throw error;
  }
  return undefined;
}
