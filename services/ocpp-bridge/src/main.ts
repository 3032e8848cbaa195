#!/usr/bin/env node
/**
 * `sce-ocpp-bridge --config bridge.json`: runs one OCPP bridge until SIGTERM/SIGINT.
 * The config path may also come from OCPP_BRIDGE_CONFIG; MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD,
 * OCPP_PORT and HTTP_PORT override the file.
 */
import { ConfigError, createLogger, stopOnSignals } from "@smart-charge/service-kit";
import { loadConfigFile } from "./config/load-config.js";
import { runOcppBridge } from "./run-ocpp-bridge.js";

const logger = createLogger("ocpp-bridge");

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--config");
  const path = flag >= 0 ? process.argv[flag + 1] : process.env["OCPP_BRIDGE_CONFIG"];
  if (path === undefined) throw new ConfigError("(file)", "pass --config <file> or set OCPP_BRIDGE_CONFIG");
  const running = await runOcppBridge(loadConfigFile(path), { logger });
  stopOnSignals(() => running.stop(), logger);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.fatal({ event: "bad-config", field: error.field }, error.message);
  else logger.fatal({ event: "start-failed", err: error }, "ocpp-bridge could not start");
  process.exit(1);
});
