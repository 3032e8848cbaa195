import { readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { startOwnProcess, type OwnService } from "./own-process.js";

/** What production runs: tests and the bench start their own broker from this file, not a copy of it. */
const DEPLOYED_CONF = new URL("../../../../deploy/mosquitto/mosquitto.conf", import.meta.url);

export interface OwnMosquittoOptions {
  /**
   * "every-second" (default): a test that kills the broker (SIGKILL) loses at most a second of its state.
   * "as-deployed": the deployed interval; a save holds the broker while it writes, so a benchmark wants
   * it no more often than production has it.
   */
  autosave?: "every-second" | "as-deployed";
}

/** `line` of the deployed file replaced: its settings otherwise stay exactly as deployed. */
function replaced(conf: string, line: RegExp, by: string): string {
  if (!line.test(conf)) throw new Error(`deploy/mosquitto/mosquitto.conf has no line matching ${line}`);
  return conf.replace(line, by);
}

/** deploy/mosquitto/mosquitto.conf for a broker on a loopback `port` that keeps its state in `dir`. */
function ownMosquittoConf(
  port: number,
  dir: string,
  { autosave = "every-second" }: OwnMosquittoOptions = {},
) {
  let conf = readFileSync(DEPLOYED_CONF, "utf8");
  conf = replaced(conf, /^listener 1883$/m, `listener ${port} 127.0.0.1`);
  conf = replaced(conf, /^persistence_location .*$/m, `persistence_location ${dir}/`);
  // stderr is unbuffered; the deployed notices (one per connection) would only fill the test's buffer.
  conf = replaced(conf, /^log_dest stdout$/m, "log_dest stderr");
  conf = replaced(conf, /^log_type notice$/m, "");
  if (autosave === "every-second") conf = replaced(conf, /^autosave_interval \d+$/m, "autosave_interval 1");
  // Run as root, Mosquitto would switch to its own user, which cannot write the test's folder.
  return `${conf}\nuser ${userInfo().username}\n`;
}

/**
 * A Mosquitto of the test's own from the deployed config (deploy/mosquitto/mosquitto.conf: TCP_NODELAY,
 * a queue deep enough for a site-wide burst, persistence), on a free port (the machine's 1883 is
 * untouched): restart() (SIGTERM) keeps persistent sessions, their subscriptions and queued QoS 1
 * messages, as a production broker does; restart("SIGKILL") loses what was not saved yet. Needs
 * `mosquitto` on the PATH.
 */
export function startOwnMosquitto(options: OwnMosquittoOptions = {}): Promise<OwnService> {
  return startOwnProcess({
    name: "mosquitto",
    scheme: "mqtt",
    command: (port, dir) => {
      const config = join(dir, "mosquitto.conf");
      writeFileSync(config, ownMosquittoConf(port, dir, options));
      return { file: "mosquitto", args: ["-c", config] };
    },
  });
}
