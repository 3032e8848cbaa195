import { topics } from "@smart-charge/contracts";
import {
  connectClient,
  endClient,
  mqttBrokerForTests,
  uniqueId,
  type BrokerKind,
  type TestBroker,
} from "@smart-charge/test-infra";
import type { MqttClient } from "mqtt";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractPublisher } from "./contract-publisher.js";
import { connectNow, createMqttClient } from "./mqtt-connection.js";

const BURST = 200;

/** Counts the socket writes (system calls) of a connected client from now on. */
function countWrites(client: MqttClient): () => number {
  const socket = client.stream as Socket & {
    _write: (...args: unknown[]) => void;
    _writev: (...args: unknown[]) => void;
  };
  let writes = 0;
  for (const method of ["_write", "_writev"] as const) {
    const original = socket[method].bind(socket);
    socket[method] = (...args: unknown[]) => {
      writes += 1;
      original(...args);
    };
  }
  return () => writes;
}

describe.each<BrokerKind>(["mosquitto", "aedes"])("socket writes on %s", (kind) => {
  let broker: TestBroker;
  let sender: MqttClient;
  beforeAll(async () => {
    broker = await mqttBrokerForTests(kind);
    sender = await connectClient(broker.url);
  });
  afterAll(async () => {
    await endClient(sender);
    await broker.stop();
  });

  /** A service's client subscribed at QoS 1 to `topic`, with `onMessage` as its handler. */
  async function serviceClient(topic: string, onMessage: (client: MqttClient) => void) {
    const client = createMqttClient({ url: broker.url, protocolVersion: 4 }, uniqueId("kit-writes"));
    client.on("message", () => onMessage(client));
    await connectNow(client);
    await client.subscribeAsync(topic, { qos: 1 });
    return client;
  }

  it("acknowledges a burst of QoS 1 messages in far fewer writes than messages", async () => {
    const topic = `${uniqueId("kit-writes")}/burst`;
    let received = 0;
    let allReceived = () => {};
    const all = new Promise<void>((resolve) => (allReceived = resolve));
    const client = await serviceClient(topic, () => (++received === BURST ? allReceived() : undefined));
    try {
      const writes = countWrites(client);
      // The burst leaves the sender in one write, so the service reads many messages at a time.
      sender.stream.cork();
      for (let i = 0; i < BURST; i++) sender.publish(topic, `{"n":${i}}`, { qos: 1 });
      sender.stream.uncork();
      await all;
      // The PUBACKs of the last read leave at the end of its loop turn.
      await new Promise((resolve) => setImmediate(resolve));
      expect(writes()).toBeGreaterThan(0);
      expect(writes()).toBeLessThan(BURST / 4);
    } finally {
      await client.endAsync();
    }
  });

  it("sends what a handler publishes at the end of its tick, not at the end of the loop turn", async () => {
    const root = uniqueId("kit-writes");
    const topic = `${root}/in`;
    let lookedAtSocket = (_corked: number) => {};
    const corkedNextTick = new Promise<number>((resolve) => (lookedAtSocket = resolve));
    const client = await serviceClient(topic, (self) => {
      new ContractPublisher(self, () => undefined).publish(
        "commandResult",
        topics.commandResult(root, "CP-1"),
        {
          messageId: "m-1",
          chargerId: "CP-1",
          status: "Accepted",
          at: "2026-11-25T12:00:00.000Z",
        },
      );
      // mqtt-packet corks the socket for each packet it writes (this one and the PUBACK that follows the
      // handler) until the next tick: look once those are written.
      process.nextTick(() => process.nextTick(() => lookedAtSocket((self.stream as Socket).writableCorked)));
    });
    try {
      sender.publish(topic, "{}", { qos: 1 });
      // Held until the check phase, the socket would still be corked by the read here.
      expect(await corkedNextTick).toBe(0);
    } finally {
      await client.endAsync();
    }
  });
});
