import { readFileSync } from "node:fs";
import { join } from "node:path";
import { redisForTests, uniqueId, exampleRegion } from "@smart-charge/test-infra";
import { Redis } from "ioredis";
import { expect, test } from "vitest";
import { RedisSessionStore } from "./redis-session-store.js";
import { session } from "./test-support/state-fixtures.js";

/** The README's example is this test's body, so the documentation cannot drift from the behaviour. */
test("README example: a restarted engine finds its sessions", async () => {
  const server = await redisForTests();
  const redis = new Redis(server.url);
  const site = uniqueId("depot");
  // #region example
  const store = new RedisSessionStore({ redis, site, panel: "panel-A" });
  await store.startSession(session("tx-42", { maxHardwarePowerKw: 22 }));
  await store.updateSession("tx-42", { maxEvAcceptancePowerKw: 7.4, maxHardwarePowerKw: null }); // null removes a cap
  const issuedAt = "2026-01-01T00:00:00Z";
  expect(await store.saveBudget({ site, panel: "panel-A", totalKw: 60, sequence: 7, issuedAt })).toBe(true);
  expect(await store.saveBudget({ site, panel: "panel-A", totalKw: 90, sequence: 6, issuedAt })).toBe(false); // late
  const oldEpoch = await store.nextEpoch();

  // Another process (a restart, the standby) opens the same panel and carries on:
  const restarted = new RedisSessionStore({ redis, site, panel: "panel-A" });
  const state = await restarted.load();
  expect(state.sessions[0]).toMatchObject({ transactionId: "tx-42", maxEvAcceptancePowerKw: 7.4 });
  expect(state.sessions[0]).not.toHaveProperty("maxHardwarePowerKw");
  expect(state.budget?.totalKw).toBe(60);
  expect(await restarted.nextEpoch()).toBeGreaterThan(oldEpoch); // bridges now refuse the old engine's commands
  // #endregion
  await redis.quit();
  await server.stop();
});

test("the README shows the example above verbatim", () => {
  const snippet = exampleRegion(join(import.meta.dirname, "readme-example.test.ts"));
  const readme = readFileSync(join(import.meta.dirname, "README.md"), "utf8");
  expect(snippet.length).toBeGreaterThan(100);
  expect(readme).toContain(snippet);
});
