import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Env } from "../shared/test-service.js";

/**
 * Says where a Docker engine seems to be (DOCKER_HOST or a socket testcontainers looks for), or null.
 * Only a hint: a socket file can exist with no daemon behind it, so starting a container may still fail.
 */
export function dockerEngineHint(
  env: Env = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  const dockerHost = env["DOCKER_HOST"];
  if (dockerHost !== undefined && dockerHost !== "") return `DOCKER_HOST=${dockerHost}`;
  const runtimeDir = env["XDG_RUNTIME_DIR"];
  const sockets = [
    "/var/run/docker.sock",
    ...(runtimeDir === undefined ? [] : [join(runtimeDir, "docker.sock")]),
    join(homedir(), ".docker", "run", "docker.sock"),
  ];
  return sockets.find((socket) => exists(socket)) ?? null;
}
