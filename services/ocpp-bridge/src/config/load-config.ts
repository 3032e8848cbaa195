import { ConfigError, parseWithSchema, readJsonFile } from "@smart-charge/service-kit";
import { bridgeConfigSchema, type BridgeConfig } from "./config-schema.js";

type Section = Record<string, unknown>;

/** Deployment-specific values (addresses, secrets) may come from the environment instead of the file. */
function withEnvironment(env: NodeJS.ProcessEnv, raw: Section): Section {
  const section = (name: string): Section => ({ ...(raw[name] as Section | undefined) });
  const mqtt = section("mqtt");
  const ocpp = section("ocpp");
  const http = section("http");
  for (const [variable, key] of [
    ["MQTT_URL", "url"],
    ["MQTT_USERNAME", "username"],
    ["MQTT_PASSWORD", "password"],
  ] as const) {
    if (env[variable]) mqtt[key] = env[variable];
  }
  if (env["OCPP_PORT"]) ocpp["port"] = Number(env["OCPP_PORT"]);
  if (env["HTTP_PORT"]) http["port"] = Number(env["HTTP_PORT"]);
  return { ...raw, mqtt, ocpp, http };
}

/** Validates a configuration object (already parsed), with environment overrides applied. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = {}): BridgeConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new ConfigError("(root)", "must be a JSON object");
  return parseWithSchema(bridgeConfigSchema, withEnvironment(env, raw as Section));
}

/** Reads and validates a JSON configuration file; the path may also come from OCPP_BRIDGE_CONFIG. */
export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): BridgeConfig {
  return parseConfig(readJsonFile(path), env);
}

export { ConfigError };
