import { freePort, redisForTests, uniqueId } from "@smart-charge/test-infra";
import { describe, expect, it } from "vitest";
import { InMemoryPanelStateStore } from "./in-memory-panel-state-store.js";
import { openStateStore } from "./open-state-store.js";
import { RedisSessionStore } from "./redis-session-store.js";
import { session } from "./test-support/state-fixtures.js";

const warnings: string[] = [];
const logger = { warn: (_details: object, message: string) => void warnings.push(message) };

describe("openStateStore", () => {
  it("keeps state in memory when no Redis is configured", async () => {
    const opened = await openStateStore({ site: "s", panel: "p" }, logger);
    expect(opened.storeKind).toBe("memory");
    expect(opened.store).toBeInstanceOf(InMemoryPanelStateStore);
  });

  it("connects to the configured Redis, reports readiness, and close() quits the connection", async () => {
    const redis = await redisForTests();
    try {
      const site = uniqueId("site");
      const opened = await openStateStore({ site, panel: "p", redis: { url: redis.url } }, logger);
      expect(opened.storeKind).toBe("redis");
      expect(opened.store).toBeInstanceOf(RedisSessionStore);
      expect(opened.storeReady?.()).toBe(true);
      await opened.store.startSession(session("tx-1"));

      const again = await openStateStore({ site, panel: "p", redis: { url: redis.url } }, logger);
      expect((await again.store.load()).sessions).toEqual([session("tx-1")]);
      await Promise.all([opened.store.close(), again.store.close()]);
      expect(opened.storeReady?.()).toBe(false);
    } finally {
      await redis.stop();
    }
  });

  it("fails start-up with the reason when Redis cannot be reached, without the password", async () => {
    const url = `redis://:secret@127.0.0.1:${await freePort()}`;
    const opening = openStateStore({ site: "s", panel: "p", redis: { url } }, logger);
    await expect(opening).rejects.toThrow(
      /^cannot connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
    await expect(opening).rejects.not.toThrow(/secret/);
  });
});
