import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { startOwnProcess, type OwnService } from "./own-process.js";

/**
 * A Mosquitto of the test's own, on a free port (the machine's 1883 is untouched), anonymous, configured
 * as deployed (`set_tcp_nodelay true`), with persistence: restart() (SIGTERM) keeps persistent sessions, their subscriptions and queued QoS 1
 * messages, as a production broker does; restart("SIGKILL") loses what was not saved yet. Needs
 * `mosquitto` on the PATH.
 */
export function startOwnMosquitto(): Promise<OwnService> {
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
          "autosave_interval 1",
          "max_queued_messages 100000",
          "log_dest stderr",
          "log_type error",
          // As deployed (deploy/mosquitto/mosquitto.conf): without it Nagle's algorithm holds a small
          // PUBLISH up to ~40 ms for the ACK of the previous one.
          "set_tcp_nodelay true",
          "",
        ].join("\n"),
      );
      return { file: "mosquitto", args: ["-c", config] };
    },
  });
}
