import { redisForTests, uniqueId, type TestRedis } from "@smart-charge/test-infra";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { panelKeys } from "./redis-keys.js";
import { RedisSessionStore } from "./redis-session-store.js";
import { describePanelStateStore } from "./test-support/panel-state-store.contract.js";
import { budget, commanded, session } from "./test-support/state-fixtures.js";

// Each store gets its own connection, like separate engine processes, so racing calls really
// interleave on the server instead of queueing on one socket.
describePanelStateStore("RedisSessionStore", async () => {
  const redis = await redisForTests();
  const connections: Redis[] = [];
  return {
    open: (site, panel) => {
      const connection = new Redis(redis.url);
      connections.push(connection);
      return new RedisSessionStore({ redis: connection, site, panel });
    },
    dispose: async () => {
      await Promise.all(connections.map((connection) => connection.quit()));
      await redis.stop();
    },
  };
});

describe("RedisSessionStore", () => {
  let server: TestRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await redisForTests();
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    await redis.quit();
    await server.stop();
  });

  it("keeps a panel's keys under one prefix and one cluster hash tag, each field as JSON", async () => {
    const site = uniqueId("site");
    const store = new RedisSessionStore({ redis, site, panel: "P/1" });
    await store.startSession(session("tx/1", { maxHardwarePowerKw: 0.1 + 0.2 }));
    await store.saveBudget(budget(site, "P/1", 3));
    await store.saveCommanded([commanded("tx/1", "m-1")]);
    await store.acknowledgeCommand("tx/1", "m-1");
    await store.nextEpoch();

    const keys = await redis.keys(`sce:v1:{${site}/P%2F1}:*`);
    expect(keys.sort()).toEqual(
      ["acknowledged", "commanded", "epoch", "meta", "session:tx%2F1", "sessions"].map(
        (k) => `sce:v1:{${site}/P%2F1}:${k}`,
      ),
    );
    const sessionKey = panelKeys(site, "P/1").session("tx/1");
    expect(await redis.hget(sessionKey, "maxHardwarePowerKw")).toBe("0.30000000000000004");
    expect(await redis.hget(sessionKey, "panelPhases")).toBe('["L1","L2","L3"]');
  });

  it("loads a consistent snapshot while sessions come and go", async () => {
    const site = uniqueId("site");
    const writer = new Redis(server.url);
    const store = new RedisSessionStore({ redis, site, panel: "p" });
    const churn = new RedisSessionStore({ redis: writer, site, panel: "p" });
    const steady = ["tx-a", "tx-b", "tx-c"];
    await Promise.all(steady.map((id) => store.startSession(session(id))));

    let churning = true;
    const writing = (async () => {
      for (let i = 0; i < 300; i += 1) {
        await churn.startSession(session(`tx-churn-${i}`));
        await churn.stopSession(`tx-churn-${i}`);
      }
      churning = false;
    })();
    let loads = 0;
    // Not a wait: each load is checked; the loop ends when the writer is done.
    while (churning) {
      const { sessions } = await store.load();
      loads += 1;
      for (const id of steady) expect(sessions.map((s) => s.transactionId)).toContain(id);
      for (const loaded of sessions) expect(loaded).toEqual(session(loaded.transactionId));
    }
    await writing;
    await writer.quit();
    expect(loads).toBeGreaterThan(1);
  });

  it("honours a custom key prefix", async () => {
    const prefix = `${uniqueId("deployment")}:`;
    const store = new RedisSessionStore({ redis, site: "s", panel: "p", keyPrefix: prefix });
    await store.nextEpoch();
    expect(await redis.keys(`${prefix}*`)).toEqual([`${prefix}{s/p}:epoch`]);
    expect(() => new RedisSessionStore({ redis, site: "s", panel: "p", keyPrefix: "x{" })).toThrow(
      /must not contain/,
    );
  });

  it("keeps working after Redis forgot its scripts (as after a restart)", async () => {
    const store = new RedisSessionStore({ redis, site: uniqueId("site"), panel: "p" });
    await store.startSession(session("tx-1"));
    await redis.script("FLUSH");
    expect(await store.updateSession("tx-1", { priority: 5 })).toMatchObject({ priority: 5 });
  });

  it("leaves the caller's connection open on close(), unless told to quit it", async () => {
    await new RedisSessionStore({ redis, site: "s", panel: "p" }).close();
    expect(await redis.ping()).toBe("PONG");

    const own = new Redis(server.url);
    await own.ping();
    await new RedisSessionStore({ redis: own, site: "s", panel: "p", quitOnClose: true }).close();
    expect(own.status).toBe("end");
  });
});
