export {
  panelEngineConfigSchema,
  type PanelEngineConfig,
  type PanelEngineConfigInput,
  type ChargerConfig,
} from "./config/config-schema.js";
export { ConfigError, loadConfigFile, parseConfig } from "./config/load-config.js";
export { PanelEngine, type PanelEngineDeps } from "./panel-engine.js";
export { runPanelEngine, type RunningPanelEngine, type RunOptions } from "./run-panel-engine.js";
export { PanelController } from "./core/panel-controller.js";
export type {
  PanelStateStore,
  StoredSession,
  CommandedLimit,
  PanelState,
  SessionPatch,
} from "./state/panel-state-store.js";
export { RedisSessionStore } from "./state/redis-session-store.js";
export { InMemoryPanelStateStore } from "./state/in-memory-panel-state-store.js";
export { InMemoryStateSpace } from "./state/in-memory-state-space.js";
export { openStateStore } from "./state/open-state-store.js";
export type { FailoverStore } from "./failover/failover-store.js";
export { RedisFailoverStore } from "./failover/redis-failover-store.js";
export { InMemoryFailoverStore } from "./failover/in-memory-failover-store.js";
export type { OpenedStateStore } from "./state/open-state-store.js";
