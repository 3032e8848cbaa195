import { parseComposeFile } from "../checks/compose-schema.js";
import { readRepoFile } from "./repository.js";

export interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

export const composeText = readRepoFile("docker-compose.yml");
export const compose = parseComposeFile(composeText) as { services: Record<string, ComposeService> };
export const composeServices = Object.entries(compose.services);

/** The compose services that run one of the project's images, with the service package they run. */
export const appServices = composeServices.flatMap(([name, service]) =>
  service.build?.target === undefined ? [] : [{ name, service, target: service.build.target }],
);

/** `./host/path:/container/path[:ro]` → the host path and the container path. */
export function bindMount(volume: string): { host: string; container: string } | undefined {
  const [host, container] = volume.split(":");
  return host?.startsWith("./") && container !== undefined ? { host: host.slice(2), container } : undefined;
}
