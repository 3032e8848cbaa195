import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dockerEngineHint } from "../docker/docker-engine.js";
import { locateService } from "../shared/locate-service.js";
import { closedPort, silentServer } from "../test-support/unused-ports.js";
import { uniqueId } from "../unique-id.js";
import { startRedisContainer } from "./redis-container.js";
import { redisForTests, redisSearch, type TestRedis } from "./redis-for-tests.js";

const noDocker = { env: {}, dockerEngine: () => null };

describe("redisForTests", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await redisForTests();
  });
  afterAll(() => redis.stop());

  it("finds a Redis that stores and returns a value", async () => {
    expect(["env", "local", "container"]).toContain(redis.source);
    if (process.env["REDIS_URL"] === undefined) expect(redis.source).not.toBe("env");
    const client = new Redis(redis.url);
    try {
      const key = uniqueId("test-infra");
      await client.set(key, "stored", "EX", 60);
      expect(await client.get(key)).toBe("stored");
    } finally {
      client.disconnect();
    }
  });

  it("uses REDIS_URL when it is set", async () => {
    const found = await locateService(
      redisSearch({ env: { REDIS_URL: redis.url }, dockerEngine: () => null }),
    );
    expect(found).toMatchObject({ url: redis.url, source: "env" });
  });
});

describe("redisForTests when nothing is there", () => {
  it("explains every way to get a Redis", async () => {
    const localUrl = `redis://127.0.0.1:${await closedPort()}`;
    const search = locateService(redisSearch({ ...noDocker, localUrl }));
    await expect(search).rejects.toThrow(/REDIS_URL is not set/);
    await expect(search).rejects.toThrow(/redis-server --port 6379/);
    await expect(search).rejects.toThrow(/run a Docker engine \(or set DOCKER_HOST\)/);
    await expect(search).rejects.toThrow(new RegExp(`nothing usable at ${localUrl} \\(.*ECONNREFUSED`));
  });

  it("gives up on a server that does not answer PING within the probe timeout", async () => {
    const silent = await silentServer();
    try {
      const search = locateService(
        redisSearch({ ...noDocker, localUrl: `redis://127.0.0.1:${silent.port}`, probeTimeoutMs: 200 }),
      );
      await expect(search).rejects.toThrow(/no answer to PING .* within 200 ms/);
    } finally {
      await silent.close();
    }
  });

  it("does not fall back when REDIS_URL is wrong, and hides its password", async () => {
    const url = `redis://:hunter2@127.0.0.1:${await closedPort()}`;
    const search = locateService(redisSearch({ env: { REDIS_URL: url }, dockerEngine: () => null }));
    await expect(search).rejects.toThrow(
      /^REDIS_URL=redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ is set, but no usable Redis/,
    );
    await expect(search).rejects.not.toThrow(/hunter2/);
  });

  it("reports a Docker engine that fails to start the container", async () => {
    const localUrl = `redis://127.0.0.1:${await closedPort()}`;
    const failingDocker = { acquire: () => Promise.reject(new Error("Cannot connect to the Docker daemon")) };
    const search = locateService(
      redisSearch({
        env: {},
        localUrl,
        dockerEngine: () => "/var/run/docker.sock",
        container: failingDocker,
      }),
    );
    await expect(search).rejects.toThrow(
      /seemed reachable \(\/var\/run\/docker\.sock\) but starting redis:7-alpine failed: Cannot connect/,
    );
  });
});

// Runs where a Docker engine is available (CI with Docker); this machine has none.
describe.skipIf(dockerEngineHint() === null)("the Redis container", () => {
  it("starts redis:7-alpine and answers", async () => {
    const container = await startRedisContainer();
    const client = new Redis(container.url);
    try {
      expect(await client.ping()).toBe("PONG");
    } finally {
      client.disconnect();
      await container.stop();
    }
  }, 180_000);
});
