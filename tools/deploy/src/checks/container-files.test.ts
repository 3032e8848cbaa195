import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { connectClient, endClient, recordMessages, uniqueId } from "@smart-charge/test-infra";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandExists, freePort, run, startUntil, stopProcess } from "../test-support/child-process.js";
import { readRepoFile, repoRoot } from "../test-support/repository.js";

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
  const dir = mkdtempSync(join(tmpdir(), "sce-mosquitto-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loads (with set_tcp_nodelay) and carries messages", async () => {
    // The same file on a free loopback port and a scratch data folder (port 1883 belongs to the machine),
    // as the current user, logging the line that says it listens.
    const port = await freePort();
    const conf = readRepoFile("deploy/mosquitto/mosquitto.conf")
      .replace(/^listener 1883$/m, `listener ${port} 127.0.0.1`)
      .replace(/^persistence_location .*$/m, `persistence_location ${dir}/`)
      .replace(/^log_dest stdout$/m, "log_dest stderr") // unbuffered, so the ready line arrives at once
      .concat(`\nuser ${userInfo().username}\nlog_type information\n`);
    writeFileSync(join(dir, "mosquitto.conf"), conf);
    const broker = await startUntil(
      "mosquitto",
      ["-c", join(dir, "mosquitto.conf")],
      /mosquitto version \S+ running/,
    );
    try {
      const client = await connectClient(`mqtt://127.0.0.1:${port}`);
      const topic = `${uniqueId("deploy")}/ping`;
      const recorder = await recordMessages(client, topic);
      await client.publishAsync(topic, "pong", { qos: 1 });
      expect((await recorder.waitFor()).text).toBe("pong");
      await endClient(client);
    } finally {
      await stopProcess(broker);
    }
  });
});
