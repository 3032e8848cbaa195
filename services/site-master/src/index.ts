/** @smart-charge/site-master: divides a site's grid connection into panel budgets. See README.md. */
export { runSiteMaster, type RunningSiteMaster, type RunSiteMasterOptions } from "./run-site-master.js";
export { SiteMaster, type SiteMasterDeps } from "./site-master.js";
export { SiteMasterCore, EMPTY_STATE, type RestoredState, type Round } from "./core/site-master-core.js";
export { divideSite, type DivisionInput, type PanelNeed, type PanelShare } from "./core/divide-site.js";
export { buildPanelTree, type PanelNode } from "./core/panel-tree.js";
export type { Limit } from "./core/limits.js";
export type { Overrides } from "./core/overrides.js";
export type { SiteStateStore } from "./state/site-state-store.js";
export { InMemorySiteStore } from "./state/in-memory-site-store.js";
export { RedisSiteStore, siteStateKey } from "./state/redis-site-store.js";
export { openSiteStore, type OpenedSiteStore } from "./state/open-site-store.js";
