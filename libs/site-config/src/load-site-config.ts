import { ConfigError, parseWithSchema, readJsonFile } from "@smart-charge/service-kit";
import { siteConfigSchema, type SiteConfig } from "./site-config-schema.js";

type Section = Record<string, unknown> | undefined;

/** Environment variables that override the file, so secrets and addresses come from the deployment. */
export function applyEnvironment(
  raw: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  const mqtt = { ...(raw["mqtt"] as Section) };
  if (env["MQTT_URL"]) mqtt["url"] = env["MQTT_URL"];
  if (env["MQTT_USERNAME"]) mqtt["username"] = env["MQTT_USERNAME"];
  if (env["MQTT_PASSWORD"]) mqtt["password"] = env["MQTT_PASSWORD"];
  if (Object.keys(mqtt).length > 0) out["mqtt"] = mqtt;
  if (env["REDIS_URL"]) out["redis"] = { ...(raw["redis"] as Section), url: env["REDIS_URL"] };
  if (env["HTTP_PORT"]) out["http"] = { ...(raw["http"] as Section), port: Number(env["HTTP_PORT"]) };
  return out;
}

/** Validates a site configuration object (already parsed from JSON), with environment overrides. */
export function parseSiteConfig(raw: unknown, env: NodeJS.ProcessEnv = {}): SiteConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new ConfigError("(root)", "must be a JSON object");
  return parseWithSchema(siteConfigSchema, applyEnvironment(raw as Record<string, unknown>, env));
}

/** Reads and validates a site file; a ConfigError names the offending field. */
export function loadSiteConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): SiteConfig {
  return parseSiteConfig(readJsonFile(path), env);
}

export { ConfigError };
