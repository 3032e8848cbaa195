/**
 * A bare MQTT 3.1.1 connection for the bench's measuring bridge, on mqtt-packet (the codec mqtt.js itself
 * uses) without mqtt.js's client machinery. The bridge receives all 2000 commands of a round on one
 * connection and answers each, in the bench's process, on the cores it measures; through mqtt.js that cost
 * ~40 µs per command (one packet handled per tick, one socket write per packet) and the instrument, not
 * the site, was the slowest stage. Here a read's packets are handled together and everything they
 * answer goes out in one write.
 */
import { generate, parser, type IPublishPacket, type Packet } from "mqtt-packet";
import { once } from "node:events";
import { connect, type Socket } from "node:net";

export interface BareMqttConnection {
  /** Publishes at QoS 1; written together with everything else queued in this turn. */
  publish(topic: string, payload: string): void;
  end(): Promise<void>;
}

export interface BareMqttOptions {
  url: string;
  clientId: string;
  /** Subscribed at QoS 1 before `connectBareMqtt` resolves. */
  filter: string;
  /** Each message received on `filter`, with this connection's publish; its PUBACK is sent for it. */
  onMessage: (packet: IPublishPacket, publish: BareMqttConnection["publish"]) => void;
}

export async function connectBareMqtt(options: BareMqttOptions): Promise<BareMqttConnection> {
  const { hostname, port } = new URL(options.url);
  const socket: Socket = connect({ host: hostname, port: Number(port), noDelay: true });
  await once(socket, "connect");
  const packets = parser({ protocolVersion: 4 });
  const outgoing: Buffer[] = [];
  let flushScheduled = false;
  let nextMessageId = 0;
  let ending = false;
  const acked = new Map<Packet["cmd"], (packet: Packet) => void>();

  const flush = () => {
    flushScheduled = false;
    if (outgoing.length === 0) return;
    socket.write(outgoing.length === 1 ? outgoing[0]! : Buffer.concat(outgoing));
    outgoing.length = 0;
  };
  const send = (packet: Packet) => {
    outgoing.push(generate(packet));
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };
  const answered = (cmd: Packet["cmd"]) => new Promise<Packet>((resolve) => acked.set(cmd, resolve));
  const publish: BareMqttConnection["publish"] = (topic, payload) => {
    // Packet ids 2 … 65535; the broker acknowledges them long before they come round again.
    nextMessageId = (nextMessageId % 65_534) + 1;
    send({ cmd: "publish", topic, payload, qos: 1, retain: false, dup: false, messageId: nextMessageId + 1 });
  };

  packets.on("packet", (packet: Packet) => {
    if (packet.cmd === "publish") {
      if (packet.qos === 1) send({ cmd: "puback", messageId: packet.messageId ?? 0 });
      options.onMessage(packet, publish);
      return;
    }
    acked.get(packet.cmd)?.(packet);
  });
  packets.on("error", (error: Error) => socket.destroy(error));
  socket.on("data", (chunk: Buffer) => {
    packets.parse(chunk);
    flush();
  });
  // A measurement cannot go on without its bridge: stop the bench loudly rather than wait for commands.
  socket.on("close", () => {
    if (!ending) throw new Error(`the bench bridge lost its connection to ${options.url}`);
  });

  const connack = answered("connack");
  // No keep-alive: the bench talks to a broker on this machine and sends nothing between rounds.
  send({ cmd: "connect", clientId: options.clientId, protocolVersion: 4, clean: true, keepalive: 0 });
  const accepted = await connack;
  if (accepted.cmd !== "connack" || accepted.returnCode !== 0)
    throw new Error(`the broker refused the bench bridge: ${JSON.stringify(accepted)}`);
  const suback = answered("suback");
  send({ cmd: "subscribe", messageId: 1, subscriptions: [{ topic: options.filter, qos: 1 }] });
  const granted = await suback;
  if (granted.cmd !== "suback" || granted.granted.some((qos) => qos !== 1))
    throw new Error(`the broker did not grant the bench bridge QoS 1: ${JSON.stringify(granted)}`);

  return {
    publish,
    async end() {
      ending = true;
      flush();
      socket.end(generate({ cmd: "disconnect" }));
      await once(socket, "close");
    },
  };
}
