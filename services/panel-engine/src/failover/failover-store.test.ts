import { redisForTests, uniqueId, type TestRedis } from "@smart-charge/test-infra";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemoryPanelStateStore } from "../state/in-memory-panel-state-store.js";
import { InMemoryStateSpace } from "../state/in-memory-state-space.js";
import type { PanelStateStore } from "../state/panel-state-store.js";
import { panelKeys } from "../state/redis-keys.js";
import { RedisSessionStore } from "../state/redis-session-store.js";
import { session } from "../state/test-support/state-fixtures.js";
import { HANDLED_RETENTION_MS, type FailoverStore } from "./failover-store.js";
import { InMemoryFailoverStore } from "./in-memory-failover-store.js";
import { RedisFailoverStore } from "./redis-failover-store.js";

/**
 * Two stores on the same panel, as the active and the standby engine hold them, a way to let time pass,
 * and the panel's state store (which logs session events as handled with their change).
 */
type Pair = () => Promise<[FailoverStore, FailoverStore, (ms: number) => Promise<void>, PanelStateStore]>;

let redisService: TestRedis;
let redis: Redis;
beforeAll(async () => {
  redisService = await redisForTests();
  redis = new Redis(redisService.url);
});
afterAll(async () => {
  await redis.quit();
  await redisService.stop();
});

const inMemory: Pair = async () => {
  let now = 1_000;
  const space = new InMemoryStateSpace();
  const clock = () => now;
  const store = () => new InMemoryFailoverStore({ site: "s", panel: "p", space, clock });
  const state = new InMemoryPanelStateStore({ site: "s", panel: "p", space });
  return [store(), store(), async (ms) => void (now += ms), state];
};

const inRedis: Pair = async () => {
  const site = uniqueId("site");
  const store = () => new RedisFailoverStore({ redis, site, panel: "p" });
  const state = new RedisSessionStore({ redis, site, panel: "p" });
  // Time passes for the lease as Redis counts it: its remaining TTL shrinks by `ms` (gone when that is all).
  const lease = panelKeys(site, "p").lease;
  const pass = async (ms: number) => {
    const left = await redis.pttl(lease);
    if (left > ms) await redis.pexpire(lease, left - ms);
    else await redis.del(lease);
  };
  return [store(), store(), pass, state];
};

describe.each([
  ["in memory", inMemory],
  ["in Redis", inRedis],
] as const)("FailoverStore %s", (_name, pair) => {
  it("grants the lease to one engine at a time, until it expires", async () => {
    const [a, b, pass] = await pair();
    expect(await a.acquireLease("A", 200)).toBe(true);
    expect(await b.acquireLease("B", 200)).toBe(false);
    expect(await a.acquireLease("A", 200)).toBe(true); // its own lease: taken back, not refused
    await pass(300);
    expect(await b.acquireLease("B", 200)).toBe(true);
    expect(await a.renewLease("A", 200)).toBe(false);
  });

  it("renews and releases only with the holder's token", async () => {
    const [a, b, pass] = await pair();
    expect(await a.acquireLease("A", 200)).toBe(true);
    expect(await b.renewLease("B", 10_000)).toBe(false);
    expect(await b.releaseLease("B")).toBe(false);
    await pass(120);
    expect(await a.renewLease("A", 200)).toBe(true);
    await pass(120);
    expect(await b.acquireLease("B", 200)).toBe(false); // renewed: not expired yet
    expect(await a.releaseLease("A")).toBe(true);
    expect(await b.acquireLease("B", 200)).toBe(true);
  });

  it("remembers handled messages for the retention window", async () => {
    const [a, b] = await pair();
    const now = Date.now();
    expect(await b.wasHandled("m1")).toBe(false);
    await a.markHandled("m1", now - HANDLED_RETENTION_MS - 1);
    await a.markHandled("m2", now);
    expect(await b.wasHandled("m2")).toBe(true);
    expect(await b.wasHandled("m1")).toBe(false); // forgotten when m2 was logged
  });

  it("shares one handled-message log with the state store's session changes", async () => {
    const [a, b, , state] = await pair();
    const at = Date.now();
    expect(await state.startSession(session("tx-1"), { digest: "m-start", at })).toBe("created");
    expect(await b.wasHandled("m-start")).toBe(true); // the standby may now acknowledge its copy
    await a.markHandled("m-other", at);
    expect(await state.stopSession("tx-1", { digest: "m-other", at })).toBe("duplicate");
  });

  it("remembers which chargers got their fail-safe, and forgets a refused one", async () => {
    const [a, b] = await pair();
    await a.recordFailSafe("CP-1", 3_600);
    await a.recordFailSafe("CP-2", 3_600);
    await a.forgetFailSafe("CP-2");
    expect(await b.failSafeSent()).toEqual(new Map([["CP-1", 3_600]]));
  });
});
