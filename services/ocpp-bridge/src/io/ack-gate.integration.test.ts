import {
  connectClient,
  endClient,
  mqttBrokerForTests,
  recordMessages,
  resumeSession,
  uniqueId,
  type TestBroker,
} from "@smart-charge/test-infra";
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
    const clientId = uniqueId("bridge");
    const stopping = await connectClient(broker.url, { clientId, clean: false });
    const arrived = await recordMessages(stopping, topic);
    acknowledgeOnlyWhile(stopping, () => false);
    const engine = await connectClient(broker.url);
    await engine.publishAsync(topic, "command-1", { qos: 1 });
    expect((await arrived.waitFor()).text).toBe("command-1");
    stopping.end(true); // the process ends without acknowledging it
    await endClient(engine);

    const { client: next, recorder } = await resumeSession(broker.url, clientId, topic);
    const again = await recorder.waitFor(() => true, {
      description: "the unacknowledged command, delivered again",
    });
    expect(again.text).toBe("command-1");
    await endClient(next);
  });
});
