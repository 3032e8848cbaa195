import { exampleRegion } from "./readme-region.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

/** The README's example is this test's body, so the documentation cannot drift from the behaviour. */
test("README example: a real broker and Redis, isolated and awaited by event", async () => {
  // #region example
  const { connectClient, endClient, mqttBrokerForTests, recordMessages, redisForTests, uniqueId } =
    await import("@smart-charge/test-infra");
  const { Redis } = await import("ioredis");

  const broker = await mqttBrokerForTests("mosquitto"); // MQTT_URL, else 127.0.0.1:1883, else a container
  const redis = await redisForTests(); // REDIS_URL, else 127.0.0.1:6379, else a container
  const root = uniqueId("readme"); // test files run in parallel against the same broker and Redis

  const client = await connectClient(broker.url);
  const statuses = await recordMessages(client, `${root}/panels/+/status`);
  await client.publishAsync(`${root}/panels/p1/status`, '{"allocatedKw":22}', { qos: 1 });
  // Resolves from the message event; the timeout only turns a hang into a failure that lists what came.
  const status = await statuses.waitFor((m) => m.topic.endsWith("/p1/status"), { timeoutMs: 2_000 });
  expect(status.json()).toEqual({ allocatedKw: 22 });

  const db = new Redis(redis.url);
  await db.set(`${root}:greeting`, "hello", "EX", 60);
  expect(await db.get(`${root}:greeting`)).toBe("hello");

  db.disconnect();
  await endClient(client);
  await Promise.all([broker.stop(), redis.stop()]); // stops only what the helpers started
  // #endregion
});

test("the README shows the example above verbatim", () => {
  const snippet = exampleRegion(join(import.meta.dirname, "readme-example.test.ts"));
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(snippet.length).toBeGreaterThan(100);
  expect(readme).toContain(snippet);
});
