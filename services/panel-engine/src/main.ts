#!/usr/bin/env node
/**
 * `sce-panel-engine --config panel.json`: runs one panel-engine until SIGTERM/SIGINT.
 * The config path may also come from PANEL_ENGINE_CONFIG; REDIS_URL, MQTT_URL, MQTT_USERNAME,
 * MQTT_PASSWORD, HTTP_PORT and INSTANCE_ID override the file.
 */
import { ConfigError, createLogger, stopOnSignals } from "@smart-charge/service-kit";
import { loadConfigFile } from "./config/load-config.js";
import { runPanelEngine } from "./run-panel-engine.js";
import { openStateStore } from "./state/open-state-store.js";

const logger = createLogger("panel-engine");

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--config");
  const path = flag >= 0 ? process.argv[flag + 1] : process.env["PANEL_ENGINE_CONFIG"];
  if (path === undefined) throw new ConfigError("(file)", "pass --config <file> or set PANEL_ENGINE_CONFIG");
  const config = loadConfigFile(path);
  const store = await openStateStore(config, logger);
  const running = await runPanelEngine(config, { ...store, logger });
  stopOnSignals(() => running.stop(), logger);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.fatal({ event: "bad-config", field: error.field }, error.message);
  else logger.fatal({ event: "start-failed", err: error }, "panel-engine could not start");
  process.exit(1);
});
