import { readFileSync } from "node:fs";
import { panelEngineConfigSchema, type PanelEngineConfig } from "./config-schema.js";

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

/** Environment variables that override the file, so secrets and addresses can come from the deployment. */
function environmentOverrides(env: NodeJS.ProcessEnv, raw: Record<string, unknown>): Record<string, unknown> {
  const mqtt = { ...(raw["mqtt"] as Record<string, unknown> | undefined) };
  if (env["MQTT_URL"]) mqtt["url"] = env["MQTT_URL"];
  if (env["MQTT_USERNAME"]) mqtt["username"] = env["MQTT_USERNAME"];
  if (env["MQTT_PASSWORD"]) mqtt["password"] = env["MQTT_PASSWORD"];
  const out: Record<string, unknown> = { ...raw, mqtt };
  if (env["REDIS_URL"])
    out["redis"] = { ...(raw["redis"] as Record<string, unknown> | undefined), url: env["REDIS_URL"] };
  if (env["HTTP_PORT"])
    out["http"] = { ...(raw["http"] as Record<string, unknown> | undefined), port: Number(env["HTTP_PORT"]) };
  if (env["INSTANCE_ID"]) out["instanceId"] = env["INSTANCE_ID"];
  return out;
}

/** Validates a configuration object (already parsed), with environment overrides applied. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = {}): PanelEngineConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new ConfigError("(root)", "must be a JSON object");
  const result = panelEngineConfigSchema.safeParse(environmentOverrides(env, raw as Record<string, unknown>));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // A misspelt key is reported under its own name, so the operator sees which line of the file is wrong.
  const path =
    issue?.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : (issue?.path ?? []);
  const field = path.length === 0 ? "(root)" : path.map(String).join(".");
  throw new ConfigError(field, issue?.message ?? "invalid");
}

/** Reads and validates a JSON configuration file. */
export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): PanelEngineConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError("(file)", `cannot read ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError("(json)", `${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(raw, env);
}
