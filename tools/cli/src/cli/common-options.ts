/** Flags every command takes, with their environment defaults. */
import type { ParseArgsConfig } from "node:util";
import type { BrokerOptions } from "../mqtt/connect-cli-client.js";
import { parseNumber } from "./parse-values.js";
import { UsageError } from "./usage-error.js";

export type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export const DEFAULT_MQTT_URL = "mqtt://127.0.0.1:1883";

export const COMMON_OPTIONS = {
  "mqtt-url": { type: "string" },
  site: { type: "string" },
  username: { type: "string" },
  password: { type: "string" },
  mqtt5: { type: "boolean" },
  json: { type: "boolean" },
  timeout: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionsConfig;

export type OptionValues = Record<string, string | boolean | undefined>;
export type Env = Readonly<Record<string, string | undefined>>;

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function brokerOptions(values: OptionValues, env: Env): BrokerOptions {
  const username = stringOption(values, "username") ?? env["MQTT_USERNAME"];
  const password = stringOption(values, "password") ?? env["MQTT_PASSWORD"];
  return {
    url: stringOption(values, "mqtt-url") ?? env["MQTT_URL"] ?? DEFAULT_MQTT_URL,
    mqtt5: values["mqtt5"] === true,
    ...(username === undefined || username === "" ? {} : { username }),
    ...(password === undefined || password === "" ? {} : { password }),
  };
}

export function siteOption(values: OptionValues, env: Env): string {
  const site = stringOption(values, "site") ?? env["SCE_SITE"];
  if (site === undefined || site === "") throw new UsageError("--site", "is missing (or set SCE_SITE)");
  return site;
}

/** `--timeout <s>`: how long a command waits for its answer. */
export function timeoutMs(values: OptionValues, defaultSeconds = 10): number {
  const text = stringOption(values, "timeout");
  return text === undefined ? defaultSeconds * 1000 : parseNumber(text, "--timeout", { min: 0.1 }) * 1000;
}
