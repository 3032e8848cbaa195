import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { startHealthServer, type HealthServer } from "./health-server.js";

let server: HealthServer | undefined;
afterEach(async () => server?.close());

describe("health server", () => {
  it("answers liveness, readiness with its reason, and metrics", async () => {
    let ready = false;
    const registry = new Registry();
    server = await startHealthServer(
      { live: () => true, ready: () => (ready ? { ready } : { ready, reason: "state not loaded" }) },
      registry,
      "127.0.0.1",
      0,
    );
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ready: false, reason: "state not loaded" });
    ready = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
  });
});
