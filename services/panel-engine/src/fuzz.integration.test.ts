import {
  decodeTopicMessage,
  parseTopic,
  topics,
  type ErrorReport,
  type TopicMessage,
} from "@smart-charge/contracts";
import { createLogger } from "@smart-charge/service-kit";
import {
  disposeOwnService,
  startOwnMosquitto,
  startOwnRedis,
  type OwnService,
} from "@smart-charge/test-infra";
import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PanelEngineConfig } from "./config/config-schema.js";
import { handledOnce, isStale } from "./failover/message-digest.js";
import { RedisFailoverStore } from "./failover/redis-failover-store.js";
import { runPanelEngine } from "./run-panel-engine.js";
import { RedisSessionStore } from "./state/redis-session-store.js";
import { BridgeSimulator } from "./test-support/bridge-simulator.js";
import { fuzzMessages, type FuzzMessage } from "./test-support/fuzz-messages.js";
import { testPanelConfig } from "./test-support/panel-harness.js";

const MESSAGES = 10_000;
const BATCH = 50;

/** What the engine must do with a message: report it (with this field), or ignore it silently. */
type Expected = { report: string } | "ignored" | "skip";

describe("fuzzing every topic a panel-engine subscribes to", () => {
  // Our own Redis and Mosquitto: 10 000 messages in bursts must not disturb (or be slowed by) other tests.
  let broker: OwnService;
  let redisService: OwnService;
  beforeAll(async () => {
    [broker, redisService] = await Promise.all([startOwnMosquitto(), startOwnRedis()]);
  });
  afterAll(async () => {
    await Promise.all([disposeOwnService(broker), disposeOwnService(redisService)]);
  });

  test(`${MESSAGES} random and malformed messages: no crash, each refused with its field, state unchanged`, async () => {
    // A sole engine whose lease outlasts any pause of this busy process: only the leader reports bad
    // input (its standby hears the same), so a lapse would silence reports, which is not tested here.
    const config = testPanelConfig(broker.url, {
      timing: { recomputeIntervalMs: 600_000, raiseHoldMs: 60_000, leaseTtlMs: 60_000, leaseRenewMs: 1_000 },
    });
    const { site, panel } = config;
    const chargers = config.chargers.map((c) => c.id);
    // Generated and judged before the engine starts: 10 000 decodes keep this process busy for a while.
    const sent = fc.sample(fuzzMessages(site, panel, chargers), { numRuns: MESSAGES, seed: 20_260_101 });
    const handled = new Set<string>();
    const expected = sent.map((m) => expectation(m, config, handled));
    const redis = new Redis(redisService.url);
    const store = new RedisSessionStore({ redis, site, panel });
    const engine = await runPanelEngine(config, {
      store,
      failover: new RedisFailoverStore({ redis, site, panel }),
      storeKind: "redis",
      storeReady: () => redis.status === "ready",
      logger: createLogger("test.fuzz", process.env["LOG_LEVEL"] ?? "silent"),
    });
    const bridge = await BridgeSimulator.start(broker.url, site);
    try {
      // No later budget is newer than this one, so any budget the fuzzer makes valid is ignored.
      await bridge.budget(panel, 30, Number.MAX_SAFE_INTEGER);
      await bridge.started("CP-1", "tx-1");
      await bridge.statuses.waitFor((m) => (m.json() as { sessions: unknown[] }).sessions.length === 1);
      // Handled in order: once this is refused, everything sent before it was handled too.
      const barrier = async () => {
        const before = bridge.errors.messages.length;
        await bridge.send("sessionEvent", topics.sessionEvent(site, "CP-1"), {
          type: "meter-values",
          chargerId: "CP-1",
          transactionId: "tx-barrier",
          powerKw: 0,
          connectorId: 1,
          ocppVersion: "1.6",
          at: new Date().toISOString(),
        });
        const reports = await bridge.errors.waitForCount(before + 1, () => true, {
          description: "the barrier's error report",
        });
        expect(reports.at(-1)?.text).toContain("tx-barrier");
      };
      await barrier();
      bridge.errors.clear();
      const before = await store.load();

      // In batches: every report of a batch is awaited before the next batch goes out, and the reports
      // must come in the order of the messages that caused them.
      let reports = 0;
      for (let from = 0; from < sent.length; from += BATCH) {
        const batch = sent.slice(from, from + BATCH).flatMap((message, i) => {
          const verdict = expected[from + i];
          return verdict === "skip" ? [] : [{ message, verdict, index: from + i }];
        });
        await Promise.all(
          batch.map(({ message }) => bridge.sendRaw(message.topic, message.payload as string)),
        );
        const wanted = batch.filter(
          (b): b is typeof b & { verdict: { report: string } } => typeof b.verdict === "object",
        );
        const got = await bridge.errors
          .waitForCount(reports + wanted.length, () => true, {
            timeoutMs: 30_000,
            description: `the reports of messages ${from}…${from + BATCH - 1}`,
          })
          .catch((error: unknown) => {
            const fields = bridge.errors.messages.map((m) => (m.json() as ErrorReport).error.field);
            const missing = wanted.findIndex((w, k) => fields[reports + k] !== w.verdict.report);
            const culprit = wanted[missing];
            throw new Error(
              `no report (or another one) for message #${culprit?.index}: ${JSON.stringify(culprit?.message)}; ` +
                `twins: ${JSON.stringify(sent.flatMap((m, i) => (m.topic === culprit?.message.topic && String(m.payload) === String(culprit.message.payload) ? [[i, expected[i]]] : [])))}; ` +
                `got ${bridge.errors.messages[reports + missing]?.text ?? "nothing"}`,
              {
                cause: error,
              },
            );
          });
        for (const [k, { message, verdict, index }] of wanted.entries()) {
          const field = (got[reports + k]?.json() as ErrorReport).error.field;
          expect(field, `message #${index}: ${JSON.stringify(message)}`).toBe(verdict.report);
        }
        reports += wanted.length;
      }
      await barrier();
      // Nothing was reported that should not have been: the reports are exactly the expected ones.
      expect(bridge.errors.messages).toHaveLength(reports + 1);
      const errors = bridge.errors.messages.map((m) => m.json() as ErrorReport);
      expect(errors.every((e) => e.error.message.length > 0 && e.source === `panel-engine.${panel}`)).toBe(
        true,
      );
      expect(reports).toBeGreaterThan(MESSAGES / 2);

      expect(await store.load()).toEqual(before);
      expect(engine.engine.started).toBe(true);
      await bridge.started("CP-2", "tx-2"); // still at work
      await bridge.statuses.waitFor((m) => (m.json() as { sessions: unknown[] }).sessions.length === 2);
    } finally {
      await bridge.close([panel]);
      await engine.stop();
      redis.disconnect();
    }
  }, 240_000);
});

/**
 * The contract's verdict on a fuzzed message, computed independently of the engine: refused by the
 * decoder (with the decoder's field), refused by the engine's rules (unknown session, budget over the
 * breaker), or ignored (another panel's charger, a stop or result nobody waits for, an old budget).
 * Identical bytes on the same topic are one message delivered twice: only the first is judged. A valid
 * message that would change the state (a new session, a strategy) is not sent: those are tested
 * elsewhere, and this test checks that nothing else changes it.
 */
function expectation(message: FuzzMessage, config: PanelEngineConfig, handled: Set<string>): Expected {
  const chargers = config.chargers.map((c) => c.id);
  // The engine subscribes to its own chargers' topics only: another charger's messages never reach it.
  const parsed = parseTopic(message.topic);
  if (parsed !== null && "chargerId" in parsed && !chargers.includes(parsed.chargerId)) return "skip";
  const decoded = decodeTopicMessage(message.topic, message.payload);
  if (!decoded.ok) return { report: decoded.error.field };
  const value = decoded.value;
  const verdict = judge(value, chargers, config.breaker.kw);
  if (verdict === "skip" || !handledOnce(value, config)) return verdict;
  // A state-changing message older than the handled log's memory is dropped as stale, and the same
  // bytes on the same topic again (once sent) are a redelivery: handled once, then skipped.
  if (isStale(value, Date.now())) return "ignored";
  const key = `${message.topic}\n${String(message.payload)}`;
  if (handled.has(key)) return "ignored";
  handled.add(key);
  return verdict;
}

/** The engine's answer to a valid message, the first time it sees it. */
function judge(value: TopicMessage, chargers: readonly string[], breakerKw: number): Expected {
  switch (value.kind) {
    case "panelBudget":
      return value.message.totalKw > breakerKw ? { report: "totalKw" } : "ignored";
    case "commandResult":
      return "ignored";
    case "sessionEvent": {
      const event = value.message;
      if (!chargers.includes(event.chargerId)) return "ignored";
      if (event.type === "started") return "skip";
      if (event.transactionId === "tx-1") return event.type === "meter-values" ? "ignored" : "skip";
      return event.type === "stopped" ? "ignored" : { report: "transactionId" };
    }
    default:
      return "skip";
  }
}
