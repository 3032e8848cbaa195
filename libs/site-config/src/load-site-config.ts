import { COMMON_OVERRIDES, ConfigError, configLoader } from "@smart-charge/service-kit";
import { siteConfigSchema, type SiteConfig } from "./site-config-schema.js";

// The broker, its credentials, Redis and the health port come from the deployment.
const loader = configLoader(siteConfigSchema, [...COMMON_OVERRIDES, ["REDIS_URL", ["redis", "url"]]]);

/** Validates a site configuration object (already parsed from JSON), with environment overrides. */
export const parseSiteConfig: (raw: unknown, env?: NodeJS.ProcessEnv) => SiteConfig = loader.parse;

/** Reads and validates a site file; a ConfigError names the offending field. */
export const loadSiteConfigFile: (path: string, env?: NodeJS.ProcessEnv) => SiteConfig = loader.load;

export { ConfigError };
