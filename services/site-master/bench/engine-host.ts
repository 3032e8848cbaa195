/** `engine-host.ts <site> <mqttUrl> <first> <last>`: runs panel-engines first … last - 1 until SIGTERM. */
import { startBenchEngines } from "./bench-site.js";

const [site, mqttUrl, first, last] = process.argv.slice(2);
if (site === undefined || mqttUrl === undefined)
  throw new Error("usage: engine-host <site> <mqttUrl> <first> <last>");
const engines = await startBenchEngines(site, mqttUrl, Number(first), Number(last));
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  void Promise.all(engines.map((engine) => engine.stop())).then(() => process.exit(0));
});
