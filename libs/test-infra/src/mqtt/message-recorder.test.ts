import type { MqttClient } from "mqtt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { uniqueId } from "../unique-id.js";
import { connectClient, endClient } from "./connect-client.js";
import { recordMessages, type MessageRecorder } from "./message-recorder.js";
import { mqttBrokerForTests, type BrokerKind, type TestBroker } from "./mqtt-broker-for-tests.js";

describe.each<BrokerKind>(["mosquitto", "aedes"])("MessageRecorder on %s", (kind) => {
  let broker: TestBroker;
  let client: MqttClient;
  let root: string;
  let recorder: MessageRecorder;

  beforeAll(async () => {
    broker = await mqttBrokerForTests(kind);
    client = await connectClient(broker.url);
  });
  afterAll(async () => {
    await endClient(client);
    await broker.stop();
  });
  beforeEach(async () => {
    root = uniqueId("recorder");
    recorder = await recordMessages(client, `${root}/#`);
  });
  afterEach(() => recorder.stop());

  const publish = (level: string, payload: string, retain = false): Promise<unknown> =>
    client.publishAsync(`${root}/${level}`, payload, { qos: 1, retain });

  it("resolves with a matching message that arrived before the wait", async () => {
    await publish("a", '{"n":1}');
    await publish("b", '{"n":2}');
    await recorder.waitForCount(2);

    const message = await recorder.waitFor((m) => m.topic.endsWith("/b"));
    expect(message).toMatchObject({ topic: `${root}/b`, text: '{"n":2}', retain: false, qos: 1 });
    expect(message.json()).toEqual({ n: 2 });
  });

  it("resolves from the message event when the match arrives after the wait", async () => {
    const waiting = recorder.waitFor((m) => m.text === "late");
    await publish("x", "early");
    await publish("x", "late");
    expect((await waiting).text).toBe("late");
  });

  it("waitForNext skips matches that were already recorded", async () => {
    await publish("x", "old");
    await recorder.waitFor((m) => m.text === "old");
    const next = recorder.waitForNext((m) => m.topic.endsWith("/x"));
    await publish("x", "new");
    expect((await next).text).toBe("new");
  });

  it("waitForCount returns the first n matches in arrival order", async () => {
    const three = recorder.waitForCount(3, (m) => m.topic.endsWith("/n"));
    for (const n of ["1", "skip", "2", "3", "4"]) await publish(n === "skip" ? "other" : "n", n);
    expect((await three).map((m) => m.text)).toEqual(["1", "2", "3"]);
  });

  it("records only its own filter although the client has other subscriptions", async () => {
    const elsewhere = uniqueId("elsewhere");
    await client.subscribeAsync(`${elsewhere}/#`, { qos: 1 });
    await client.publishAsync(`${elsewhere}/x`, "not mine", { qos: 1 });
    await publish("x", "mine");
    await recorder.waitFor((m) => m.text === "mine");
    expect(recorder.messages.map((m) => m.text)).toEqual(["mine"]);
    await client.unsubscribeAsync(`${elsewhere}/#`);
  });

  it("sees retained messages sent before it subscribed, flagged as retained", async () => {
    await publish("status", "online", true);
    const lateClient = await connectClient(broker.url);
    try {
      const late = await recordMessages(lateClient, `${root}/status`);
      expect(await late.waitFor()).toMatchObject({ text: "online", retain: true });
    } finally {
      await endClient(lateClient);
      await publish("status", "", true);
    }
  });

  it("fails after the timeout, listing what it did receive", async () => {
    await publish("budget", '{"sequence":2}');
    await recorder.waitFor();
    const waiting = recorder.waitFor((m) => m.text.includes('"sequence":3'), {
      timeoutMs: 150,
      description: "budget with sequence 3",
    });
    await expect(waiting).rejects.toThrow(
      `Timed out after 150 ms waiting for 1 message(s) matching budget with sequence 3 on "${root}/#" (0 matched). ` +
        `Received 1 message(s):\n  ${root}/budget {"sequence":2}`,
    );
  });

  it("fails a wait whose predicate throws, and one pending when the recorder stops", async () => {
    await publish("raw", "not json");
    await expect(recorder.waitFor((m) => m.json() !== null)).rejects.toThrow(
      /the predicate threw on .*raw not json/,
    );

    const pending = expect(recorder.waitFor((m) => m.text === "never")).rejects.toThrow(/was stopped/);
    await recorder.stop();
    await pending;
    await expect(recorder.waitForCount(0)).rejects.toThrow(/was stopped/);
  });
});
