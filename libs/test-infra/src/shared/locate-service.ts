import { redactUrl } from "./redact-url.js";
import type { Lease } from "./shared-container.js";
import type { Env, TestService } from "./test-service.js";

/** Everything locateService needs to know about one kind of service; tests pass their own. */
export interface ServiceSearch {
  /** For messages, e.g. "Redis". */
  name: string;
  /** The variable that names an existing service, e.g. REDIS_URL. */
  envVar: string;
  env: Env;
  localUrl: string;
  /** Resolves when a usable service answers at the URL within the timeout, rejects saying why not. */
  probe(url: string, timeoutMs: number): Promise<void>;
  probeTimeoutMs: number;
  /** Where a Docker engine seems to be, or null. */
  dockerEngine(): string | null;
  image: string;
  container: { acquire(): Promise<Lease> };
  /** A shell command that starts the service locally, for the error message. */
  startLocally: string;
}

export type LocatedSource = "env" | "local" | "container";

const keepRunning = async (): Promise<void> => undefined;

/** The variable if set, else the local service if it answers, else a container, else a how-to error. */
export async function locateService(search: ServiceSearch): Promise<TestService<LocatedSource>> {
  const fromEnv = search.env[search.envVar];
  if (fromEnv !== undefined && fromEnv !== "") {
    try {
      await search.probe(fromEnv, search.probeTimeoutMs);
    } catch (error) {
      // No fallback: whoever set the variable meant that service, and a silent substitute hides the typo.
      throw new Error(
        `${search.envVar}=${redactUrl(fromEnv)} is set, but no usable ${search.name} answered there ` +
          `(${reasonOf(error)}). Fix ${search.envVar}, or unset it to use ${search.localUrl}.`,
        { cause: error },
      );
    }
    return { url: fromEnv, source: "env", stop: keepRunning };
  }

  const localFailure = await search.probe(search.localUrl, search.probeTimeoutMs).then(
    () => null,
    (error: unknown) => reasonOf(error),
  );
  if (localFailure === null) return { url: search.localUrl, source: "local", stop: keepRunning };

  const engine = search.dockerEngine();
  if (engine === null) {
    throw new Error(
      notFound(search, localFailure, "no Docker engine found (DOCKER_HOST unset, no docker.sock)"),
    );
  }
  try {
    const lease = await search.container.acquire();
    return { url: lease.url, source: "container", stop: () => lease.release() };
  } catch (error) {
    const dockerFailure = `a Docker engine seemed reachable (${engine}) but starting ${search.image} failed: ${reasonOf(error)}`;
    throw new Error(notFound(search, localFailure, dockerFailure), { cause: error });
  }
}

function notFound(search: ServiceSearch, localFailure: string, dockerStatus: string): string {
  return [
    `No ${search.name} for integration tests:`,
    `  - ${search.envVar} is not set;`,
    `  - nothing usable at ${search.localUrl} (${localFailure});`,
    `  - ${dockerStatus}.`,
    `Get one in any of these ways:`,
    `  - set ${search.envVar} to the URL of a ${search.name} the tests may use;`,
    `  - start one locally: ${search.startLocally}`,
    `  - run a Docker engine (or set DOCKER_HOST) so testcontainers can start ${search.image}.`,
    `(Under turbo these variables reach the tests through globalPassThroughEnv in turbo.json.)`,
  ].join("\n");
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
