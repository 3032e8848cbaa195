/** @smart-charge/site-config: the site file an operator writes, validated. See README.md. */
export {
  siteConfigSchema,
  timeOfUseWindowSchema,
  TIMING_DEFAULTS,
  METER_DEFAULTS,
  type SiteConfig,
  type SiteConfigInput,
  type SiteTiming,
  type MeterConfig,
  type TimeOfUseConfig,
} from "./site-config-schema.js";
export {
  panelSchema,
  chargerSchema,
  breakerSchema,
  phaseAmpsSchema,
  type PanelConfig,
  type PanelConfigInput,
  type ChargerConfig,
  type Breaker,
  type PhaseAmps,
} from "./panel-schema.js";
export { walkPanels, type PanelPlace } from "./walk-panels.js";
export { conservativeBudgetKw } from "./tree-rules.js";
export { ConfigError, loadSiteConfigFile, parseSiteConfig } from "./load-site-config.js";
export {
  engineConfig,
  enginePanels,
  runsEngine,
  safeDefaultBudgetKw,
  checkSafeDefaultsFitParents,
  ENGINE_HTTP_PORT,
  SAFE_DEFAULT_MAX_SHARE_OF_BREAKER,
  type EngineConfigFile,
} from "./engine-configs.js";
export { checkChargerList } from "./charger-rules.js";
