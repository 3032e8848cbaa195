/** @smart-charge/deploy: a site's deployment rendered from its site file, and the checks on it. See README.md. */
export {
  renderSite,
  DEFAULT_RENDER_OPTIONS,
  type RenderOptions,
  type RenderedSite,
} from "./render/render-site.js";
export {
  engineConfig,
  enginePanels,
  safeDefaultBudgetKw,
  type EngineConfigFile,
} from "@smart-charge/site-config";
export { bridgeConfig, failSafeLimitKw, type BridgeConfigFile } from "./render/bridge-config.js";
export { validateManifest } from "./render/validate-manifest.js";
export {
  manifestFiles,
  configFiles,
  writeRendered,
  driftFrom,
  type RenderedFiles,
} from "./render/write-rendered.js";
export {
  parseDockerfile,
  type Dockerfile,
  type Stage,
  type Instruction,
} from "./dockerfile/parse-dockerfile.js";
