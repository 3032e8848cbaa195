import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { startOwnProcess, type OwnService } from "./own-process.js";

/**
 * The settings of deploy/mosquitto/mosquitto.conf that change what a test or the bench sees (tools/deploy
 * checks that the deployed file has them):
 * - without set_tcp_nodelay, Nagle's algorithm holds a small PUBLISH up to ~40 ms for the previous ACK;
 * - Mosquitto drops QoS 1 messages queued for a client past max_queued_messages (default 1000): a grid
 *   limit change is a burst of one profile command per charger to one bridge, which must queue, not drop.
 */
export const MOSQUITTO_AS_DEPLOYED: readonly string[] = [
  "set_tcp_nodelay true",
  "max_queued_messages 100000",
];

export interface OwnMosquittoOptions {
  /**
   * Seconds between saves of the broker's state (default 1: a test's SIGKILL loses at most a second).
   * A save stops the broker while it writes; a benchmark passes the deployed 30.
   */
  autosaveIntervalS?: number;
}

/**
 * A Mosquitto of the test's own, on a free port (the machine's 1883 is untouched), anonymous, configured
 * as deployed (`set_tcp_nodelay true`, `max_queued_messages`), with persistence: restart() (SIGTERM) keeps
 * persistent sessions, their subscriptions and queued QoS 1 messages, as a production broker does;
 * restart("SIGKILL") loses what was not saved yet. Needs `mosquitto` on the PATH.
 */
export function startOwnMosquitto({ autosaveIntervalS = 1 }: OwnMosquittoOptions = {}): Promise<OwnService> {
  return startOwnProcess({
    name: "mosquitto",
    scheme: "mqtt",
    command: (port, dir) => {
      const config = join(dir, "mosquitto.conf");
      writeFileSync(
        config,
        [
          `listener ${port} 127.0.0.1`,
          "allow_anonymous true",
          // Run as root, Mosquitto would switch to its own user, which cannot write the test's folder.
          `user ${userInfo().username}`,
          "persistence true",
          `persistence_location ${dir}/`,
          `autosave_interval ${autosaveIntervalS}`,
          "log_dest stderr",
          "log_type error",
          ...MOSQUITTO_AS_DEPLOYED,
          "",
        ].join("\n"),
      );
      return { file: "mosquitto", args: ["-c", config] };
    },
  });
}
