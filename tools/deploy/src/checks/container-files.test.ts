import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { join } from "node:path";
import {
  connectClient,
  endClient,
  freePort,
  disposeOwnService,
  recordMessages,
  resumeSession,
  startOwnMosquitto,
  uniqueId,
} from "@smart-charge/test-infra";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandExists, run } from "../test-support/child-process.js";
import { repoRoot } from "../test-support/repository.js";

const healthcheck = join(repoRoot, "deploy/docker/healthcheck.mjs");

describe("the images' health check (deploy/docker/healthcheck.mjs)", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((request, response) => {
      response.statusCode = request.url === "/healthz" ? 200 : 503;
      response.end();
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => server.close());

  const check = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [healthcheck, ...args], { env: { PATH: process.env["PATH"], ...env } });

  it("exits 0 when the service answers 2xx, 1 when it answers 503", async () => {
    expect((await check(["/healthz", String(port)])).code).toBe(0);
    expect((await check(["/readyz", String(port)])).code).toBe(1);
  });

  it("exits 1 when nothing listens, and follows HTTP_PORT like the service does", async () => {
    const closed = await freePort();
    expect((await check(["/healthz", String(closed)])).code).toBe(1);
    expect((await check(["/healthz", String(closed)], { HTTP_PORT: String(port) })).code).toBe(0);
  });
});

describe.skipIf(!commandExists("mosquitto"))("deploy/mosquitto/mosquitto.conf in a real Mosquitto", () => {
  /** The deployed file on a free loopback port and a scratch data folder (port 1883 belongs to the machine). */
  async function startDeployedMosquitto() {
    const broker = await startOwnMosquitto({ autosave: "as-deployed" });
    return { url: broker.url, stop: () => disposeOwnService(broker) };
  }

  it("loads (with set_tcp_nodelay) and carries messages", async () => {
    const broker = await startDeployedMosquitto();
    try {
      const client = await connectClient(broker.url);
      const topic = `${uniqueId("deploy")}/ping`;
      const recorder = await recordMessages(client, topic);
      await client.publishAsync(topic, "pong", { qos: 1 });
      expect((await recorder.waitFor()).text).toBe("pong");
      await endClient(client);
    } finally {
      await broker.stop();
    }
  });

  it("keeps a site-wide burst of profile commands for a bridge that is away, dropping none", async () => {
    // Mosquitto's default (max_queued_messages 1000) would drop a third of these.
    const burst = 1_500;
    const broker = await startDeployedMosquitto();
    try {
      const topic = `${uniqueId("deploy")}/commands`;
      const clientId = uniqueId("bridge");
      const away = await connectClient(broker.url, { clientId, clean: false });
      await away.subscribeAsync(topic, { qos: 1 });
      await endClient(away);
      const engine = await connectClient(broker.url);
      for (let i = 0; i < burst; i++) engine.publish(topic, String(i), { qos: 1 });
      await engine.publishAsync(topic, "last", { qos: 1 });
      await endClient(engine);

      const { client: back, recorder } = await resumeSession(broker.url, clientId, topic);
      await recorder.waitFor((m) => m.text === "last", {
        timeoutMs: 10_000,
        description: `the last of ${burst + 1} queued commands`,
      });
      expect(recorder.messages.length).toBe(burst + 1);
      await endClient(back);
    } finally {
      await broker.stop();
    }
  });
});
