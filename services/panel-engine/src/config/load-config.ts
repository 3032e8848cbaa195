import { ConfigError, parseWithSchema, readJsonFile } from "@smart-charge/service-kit";
import { panelEngineConfigSchema, type PanelEngineConfig } from "./config-schema.js";

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
  return parseWithSchema(panelEngineConfigSchema, environmentOverrides(env, raw as Record<string, unknown>));
}

/** Reads and validates a JSON configuration file. */
export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): PanelEngineConfig {
  return parseConfig(readJsonFile(path), env);
}

export { ConfigError };
