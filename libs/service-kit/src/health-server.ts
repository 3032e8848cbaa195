import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface HealthSource {
  /** Liveness: the process can still do work. */
  live(): boolean;
  /** Readiness: connected to its broker and store, state loaded; the reason when not. */
  ready(): { ready: boolean; reason?: string };
}

export interface HealthServer {
  server: Server;
  /** The bound port (useful when asked for port 0). */
  port: number;
  close(): Promise<void>;
}

/** /healthz, /readyz and /metrics for Kubernetes probes and Prometheus. */
export async function startHealthServer(
  source: HealthSource,
  registry: Registry,
  host: string,
  port: number,
): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") {
      const live = source.live();
      res.writeHead(live ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ live }));
    } else if (path === "/readyz") {
      const state = source.ready();
      res
        .writeHead(state.ready ? 200 : 503, { "content-type": "application/json" })
        .end(JSON.stringify(state));
    } else if (path === "/metrics") {
      registry
        .metrics()
        .then((text) => res.writeHead(200, { "content-type": registry.contentType }).end(text))
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
