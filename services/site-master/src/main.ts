#!/usr/bin/env node
/**
 * `sce-site-master --config site.json`: runs the site-master until SIGTERM/SIGINT. The path may also come
 * from SITE_CONFIG; MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD, REDIS_URL and HTTP_PORT override the file.
 */
import { ConfigError, createLogger, stopOnSignals } from "@smart-charge/service-kit";
import { loadSiteConfigFile } from "@smart-charge/site-config";
import { runSiteMaster } from "./run-site-master.js";
import { openSiteStore } from "./state/open-site-store.js";

const logger = createLogger("site-master");

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--config");
  const path = flag >= 0 ? process.argv[flag + 1] : process.env["SITE_CONFIG"];
  if (path === undefined) throw new ConfigError("(file)", "pass --config <file> or set SITE_CONFIG");
  const config = loadSiteConfigFile(path);
  const store = await openSiteStore(config, logger);
  const running = await runSiteMaster(config, { ...store, logger });
  stopOnSignals(() => running.stop(), logger);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.fatal({ event: "bad-config", field: error.field }, error.message);
  else logger.fatal({ event: "start-failed", err: error }, "site-master could not start");
  process.exit(1);
});
