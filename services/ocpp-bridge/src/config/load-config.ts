import { COMMON_OVERRIDES, ConfigError, configLoader } from "@smart-charge/service-kit";
import { bridgeConfigSchema, type BridgeConfig } from "./config-schema.js";

// The charger-facing port is a deployment's choice too.
const loader = configLoader(bridgeConfigSchema, [
  ...COMMON_OVERRIDES,
  ["OCPP_PORT", ["ocpp", "port"], "number"],
]);

/** Validates a configuration object (already parsed), with environment overrides applied. */
export const parseConfig: (raw: unknown, env?: NodeJS.ProcessEnv) => BridgeConfig = loader.parse;

/** Reads and validates a JSON configuration file; the path may also come from OCPP_BRIDGE_CONFIG. */
export const loadConfigFile: (path: string, env?: NodeJS.ProcessEnv) => BridgeConfig = loader.load;

export { ConfigError };
