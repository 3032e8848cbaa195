import { COMMON_OVERRIDES, ConfigError, configLoader } from "@smart-charge/service-kit";
import { panelEngineConfigSchema, type PanelEngineConfig } from "./config-schema.js";

// Secrets and addresses come from the deployment; INSTANCE_ID tells a panel's two engines apart.
const loader = configLoader(panelEngineConfigSchema, [
  ...COMMON_OVERRIDES,
  ["REDIS_URL", ["redis", "url"]],
  ["INSTANCE_ID", ["instanceId"]],
]);

/** Validates a configuration object (already parsed), with environment overrides applied. */
export const parseConfig: (raw: unknown, env?: NodeJS.ProcessEnv) => PanelEngineConfig = loader.parse;

/** Reads and validates a JSON configuration file. */
export const loadConfigFile: (path: string, env?: NodeJS.ProcessEnv) => PanelEngineConfig = loader.load;

export { ConfigError };
