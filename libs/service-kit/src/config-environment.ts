import type { z } from "zod";
import { ConfigError, parseWithSchema, readJsonFile } from "./config-file.js";

/**
 * An environment variable that overrides one field of a config file: `[variable, [section, field]]` (or
 * `[field]` at the top), with "number" for a numeric field. Deployment-specific values (addresses, ports,
 * secrets) come from the environment, the rest from the file.
 */
export type EnvironmentOverride = readonly [
  variable: string,
  path: readonly [string] | readonly [string, string],
  kind?: "number",
];

/** What every service reads from the environment: the broker, its credentials and the health port. */
export const COMMON_OVERRIDES: readonly EnvironmentOverride[] = [
  ["MQTT_URL", ["mqtt", "url"]],
  ["MQTT_USERNAME", ["mqtt", "username"]],
  ["MQTT_PASSWORD", ["mqtt", "password"]],
  ["HTTP_PORT", ["http", "port"], "number"],
];

type Section = Record<string, unknown>;

/** A copy of `raw` with the overrides whose variable is set (and not empty) applied. */
export function withEnvironment(
  raw: Section,
  env: NodeJS.ProcessEnv,
  overrides: readonly EnvironmentOverride[],
): Section {
  const out: Section = { ...raw };
  for (const [variable, path, kind] of overrides) {
    const text = env[variable];
    if (!text) continue;
    const value = kind === "number" ? Number(text) : text;
    const [first, field] = path;
    if (field === undefined) out[first] = value;
    else out[first] = { ...(out[first] as Section | undefined), [field]: value };
  }
  return out;
}

/** Validates an already-parsed config object after applying the environment; a ConfigError names the field. */
function parseConfigWith<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  env: NodeJS.ProcessEnv,
  overrides: readonly EnvironmentOverride[],
): z.output<S> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new ConfigError("(root)", "must be a JSON object");
  return parseWithSchema(schema, withEnvironment(raw as Section, env, overrides));
}

/**
 * A service's config reader: `parse(raw, env)` for an object already parsed (tests, the all-in-one site),
 * `load(path, env)` for a JSON file; both apply `overrides` from the environment, then validate.
 */
export function configLoader<S extends z.ZodType>(schema: S, overrides: readonly EnvironmentOverride[]) {
  const parse = (raw: unknown, env: NodeJS.ProcessEnv = {}): z.output<S> =>
    parseConfigWith(schema, raw, env, overrides);
  const load = (path: string, env: NodeJS.ProcessEnv = process.env): z.output<S> =>
    parse(readJsonFile(path), env);
  return { parse, load };
}
