import { once } from "node:events";
import { createServer, connect as connectTcp } from "node:net";
import { connectAsync, type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedBroker, type EmbeddedBroker } from "./start-embedded-broker.js";

const brokers: EmbeddedBroker[] = [];
const clients: MqttClient[] = [];

async function start(options: Parameters<typeof startEmbeddedBroker>[0] = {}): Promise<EmbeddedBroker> {
  const broker = await startEmbeddedBroker(options);
  brokers.push(broker);
  return broker;
}

async function client(url: string): Promise<MqttClient> {
  const connected = await connectAsync(url, { reconnectPeriod: 0 }, false);
  clients.push(connected);
  return connected;
}

function nextMessage(subscriber: MqttClient): Promise<{ topic: string; text: string; retain: boolean }> {
  return new Promise((resolve) => {
    subscriber.once("message", (topic, payload, packet) =>
      resolve({ topic, text: payload.toString(), retain: packet.retain }),
    );
  });
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  await Promise.all(brokers.splice(0).map((b) => b.close()));
});

describe("startEmbeddedBroker", () => {
  it("listens on a free port and relays a QoS 1 publish to a subscriber", async () => {
    const broker = await start();
    expect(broker.port).toBeGreaterThan(0);
    expect(broker.url).toBe(`mqtt://127.0.0.1:${broker.port}`);

    const subscriber = await client(broker.url);
    await subscriber.subscribeAsync("site/+/budget", { qos: 1 });
    const received = nextMessage(subscriber);
    const publisher = await client(broker.url);
    await publisher.publishAsync("site/p1/budget", '{"totalKw":22}', { qos: 1 });

    expect(await received).toEqual({ topic: "site/p1/budget", text: '{"totalKw":22}', retain: false });
  });

  it("delivers a retained message to a subscriber that arrives later", async () => {
    const broker = await start();
    const publisher = await client(broker.url);
    await publisher.publishAsync("site/p1/status", "online", { qos: 1, retain: true });

    const late = await client(broker.url);
    const received = nextMessage(late);
    await late.subscribeAsync("site/p1/status", { qos: 1 });

    expect(await received).toEqual({ topic: "site/p1/status", text: "online", retain: true });
  });

  it("runs two brokers at once on different ports that share nothing", async () => {
    const [first, second] = await Promise.all([start(), start()]);
    expect(first.port).not.toBe(second.port);

    const onFirst = await client(first.url);
    await onFirst.publishAsync("shared/topic", "from-first", { qos: 1, retain: true });
    const onSecond = await client(second.url);
    const received = nextMessage(onSecond);
    await onSecond.subscribeAsync("shared/topic", { qos: 1 });
    await onSecond.publishAsync("shared/topic", "from-second", { qos: 1 });

    // Had the first broker's retained message leaked, it would arrive before our own publish.
    expect((await received).text).toBe("from-second");
  });

  it("refuses a port that is already taken", async () => {
    const broker = await start();
    await expect(startEmbeddedBroker({ port: broker.port })).rejects.toMatchObject({ code: "EADDRINUSE" });
  });

  it("close() disconnects clients and frees the port", async () => {
    const broker = await start();
    const connected = await client(broker.url);
    const disconnected = new Promise<void>((resolve) => connected.once("close", () => resolve()));

    await broker.close();
    await disconnected;

    const reuse = createServer();
    reuse.listen(broker.port, "127.0.0.1");
    await once(reuse, "listening");
    await new Promise<void>((resolve) => reuse.close(() => resolve()));
  });

  it("close() also ends sockets that never sent CONNECT, and can be called twice", async () => {
    const broker = await start();
    const socket = connectTcp(broker.port, "127.0.0.1");
    await once(socket, "connect");
    const closed = once(socket, "close");

    await Promise.all([broker.close(), broker.close()]);
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it("reports connection errors to the logger", async () => {
    const warnings: string[] = [];
    let warned!: () => void;
    const firstWarning = new Promise<void>((resolve) => (warned = resolve));
    const broker = await start({
      logger: {
        warn: (message) => {
          warnings.push(message);
          warned();
        },
      },
    });

    const socket = connectTcp(broker.port, "127.0.0.1");
    await once(socket, "connect");
    // Not an MQTT packet: 0xF0 is a reserved packet type.
    socket.write(Buffer.from([0xf0, 0x00]));
    await firstWarning;
    socket.destroy();

    expect(warnings[0]).toMatch(/^embedded broker: (client|connection) .*error/);
  });
});
