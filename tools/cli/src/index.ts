/**
 * @smart-charge/cli: the operator CLI `sce`, and the live site view it is built on, for any terminal view
 * of a site (the all-in-one demo reuses renderTree, SiteViewState and watchSite). See README.md.
 */
export { renderTree, type RenderOptions } from "./view/render-tree.js";
export {
  applySiteViewEvent,
  emptySiteViewState,
  MAX_ERRORS,
  type PanelView,
  type RefusedMessage,
  type SiteViewEvent,
  type SiteViewState,
} from "./view/site-view-state.js";
export { siteViewJson, type SiteViewJson, type PanelJson } from "./view/site-view-json.js";
export { panelHealth, DEFAULT_STALE_AFTER_MS, type PanelHealth } from "./view/panel-health.js";
export { parseSiteLayout, readSiteLayout, type SiteLayout, type LayoutPanel } from "./view/site-layout.js";
export { watchSite, type SiteWatch, type WatchSiteOptions } from "./watch-site.js";
export { TerminalFrames } from "./commands/terminal-frames.js";
export {
  sendOperatorCommand,
  type OperatorKind,
  type OperatorOutcome,
  type OperatorRequest,
} from "./commands/send-operator-command.js";
export { runCli } from "./cli/run-cli.js";
export type { CliIo } from "./cli/cli-io.js";
