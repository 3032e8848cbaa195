import {
  connectClient,
  endClient,
  mqttBrokerForTests,
  uniqueId,
  type TestBroker,
} from "@smart-charge/test-infra";
import { connect } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { acknowledgeOnlyWhile } from "./ack-gate.js";

describe.each(["mosquitto", "aedes"] as const)("acknowledgeOnlyWhile over %s", (brokerKind) => {
  let broker: TestBroker;
  beforeAll(async () => {
    broker = await mqttBrokerForTests(brokerKind);
  });
  afterAll(() => broker.stop());

  test("a command that arrives while the bridge stops is delivered again to its next session", async () => {
    const topic = `${uniqueId("bridge")}/commands`;
    const session = { clientId: uniqueId("bridge"), clean: false };
    const stopping = await connectClient(broker.url, session);
    await stopping.subscribeAsync(topic, { qos: 1 });
    acknowledgeOnlyWhile(stopping, () => false);
    const arrived = new Promise<string>((resolve) =>
      stopping.once("message", (_topic, payload) => resolve(payload.toString())),
    );
    const engine = await connectClient(broker.url);
    await engine.publishAsync(topic, "command-1", { qos: 1 });
    expect(await arrived).toBe("command-1");
    stopping.end(true); // the process ends without acknowledging it
    await endClient(engine);

    // The handler is in place before the session is resumed: the broker resends at once.
    const next = connect(broker.url, { ...session, reconnectPeriod: 0 });
    const again = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("the unacknowledged command was not delivered again within 5 s")),
        5_000,
      );
      next.once("message", (_topic, payload) => resolve((clearTimeout(timer), payload.toString())));
    });
    expect(again).toBe("command-1");
    await next.endAsync();
  });
});
