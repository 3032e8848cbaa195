import { mqttBrokerForTests, type TestBroker } from "@smart-charge/test-infra";
import { afterAll, beforeAll, describe, onTestFinished, test } from "vitest";
import { InMemoryPanelStateStore } from "./state/in-memory-panel-state-store.js";
import type { PanelStateStore } from "./state/panel-state-store.js";
import { BridgeSimulator } from "./test-support/bridge-simulator.js";
import { statusOf } from "./test-support/contract-messages.js";
import { startEngine, stoppedOnCleanup, testPanelConfig } from "./test-support/panel-harness.js";

const SESSION_WRITES = new Set(["startSession", "updateSession", "stopSession", "updateAndCommand"]);

/**
 * What ioredis does when the connection breaks while a write is on the wire: it reconnects and sends the
 * write again, and the engine gets the second run's answer ("already done"). The broker is real; the
 * store is the in-memory one with the resend and the connection loss staged, so this checks how the
 * engine reacts, not that ioredis resends (a real-Redis version needs a relay that drops one reply).
 */
function resendingStore(inner: PanelStateStore) {
  const staged = { next: false, losses: 0 };
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        if (!staged.next || !SESSION_WRITES.has(String(property))) return method.apply(target, args);
        staged.next = false;
        await method.apply(target, args);
        staged.losses += 1;
        return method.apply(target, args);
      };
    },
  });
  return { store, staged };
}

describe("a session write that ran twice after a lost store connection", () => {
  let broker: TestBroker;
  beforeAll(async () => {
    broker = await mqttBrokerForTests("aedes");
  });
  afterAll(() => broker.stop());

  async function panel() {
    const config = testPanelConfig(broker.url);
    const { store, staged } = resendingStore(
      new InMemoryPanelStateStore({ site: config.site, panel: config.panel }),
    );
    const bridge = await BridgeSimulator.start(broker.url, config.site);
    onTestFinished(() => bridge.close([config.panel]));
    const running = await startEngine(config, store, { storeConnectionLosses: () => staged.losses });
    stoppedOnCleanup(running, () => undefined);
    await bridge.budget(config.panel, 30, 1);
    const lists = (...ids: string[]) =>
      bridge.statuses.waitFor(
        (m) =>
          statusOf(m)
            .sessions.map((s) => s.transactionId)
            .join(",") === ids.join(","),
        { description: `a status listing exactly ${ids.join(",")}` },
      );
    return { bridge, staged, lists };
  }

  test("still takes a stopped session out of the engine's allocation", async () => {
    const { bridge, staged, lists } = await panel();
    await bridge.started("CP-1", "tx-1");
    await bridge.started("CP-2", "tx-2");
    await lists("tx-1", "tx-2");
    staged.next = true;
    await bridge.stopped("CP-1", "tx-1"); // the second run finds it stopped already
    await lists("tx-2");
  });

  test("still counts a started session in the engine's allocation", async () => {
    const { bridge, staged, lists } = await panel();
    await bridge.started("CP-1", "tx-1");
    await lists("tx-1");
    staged.next = true;
    await bridge.started("CP-2", "tx-2"); // the second run finds it exists already
    await lists("tx-1", "tx-2");
  });
});
