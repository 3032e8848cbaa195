import { startOwnProcess, type OwnService } from "./own-process.js";

/**
 * A redis-server of the test's own, on a free port (the machine's 6379 is untouched), with an
 * append-only file synced on every write: restart("SIGKILL") loses nothing, as a production Redis with
 * AOF. Needs `redis-server` on the PATH.
 */
export function startOwnRedis(): Promise<OwnService> {
  return startOwnProcess({
    name: "redis",
    scheme: "redis",
    command: (port, dir) => ({
      file: "redis-server",
      args: [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--save",
        "",
        "--appendonly",
        "yes",
        "--appendfsync",
        "always",
      ],
    }),
  });
}
