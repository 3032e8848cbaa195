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
  /** Each message received on `filter`; its PUBACK is sent by the connection. */
  onMessage: (packet: IPublishPacket) => void;
}

export async function connectBareMqtt(options: BareMqttOptions): Promise<BareMqttConnection> {
  const { hostname, port } = new URL(options.url);
  const socket: Socket = connect({ host: hostname, port: Number(port), noDelay: true });
  await once(socket, "connect");
  const packets = parser({ protocolVersion: 4 });
  const outgoing: Buffer[] = [];
  let flushScheduled = false;
  let nextMessageId = 0;
  const acked = new Map<Packet["cmd"], () => void>();

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
  const answered = (cmd: Packet["cmd"]) => new Promise<void>((resolve) => acked.set(cmd, resolve));

  packets.on("packet", (packet: Packet) => {
    if (packet.cmd === "publish") {
      if (packet.qos === 1) send({ cmd: "puback", messageId: packet.messageId ?? 0 });
      options.onMessage(packet);
      return;
    }
    acked.get(packet.cmd)?.();
  });
  packets.on("error", (error: Error) => socket.destroy(error));
  socket.on("data", (chunk: Buffer) => {
    packets.parse(chunk);
    flush();
  });

  const connack = answered("connack");
  send({ cmd: "connect", clientId: options.clientId, protocolVersion: 4, clean: true, keepalive: 60 });
  await connack;
  const suback = answered("suback");
  send({ cmd: "subscribe", messageId: 1, subscriptions: [{ topic: options.filter, qos: 1 }] });
  await suback;

  return {
    publish(topic, payload) {
      // Packet ids 2 … 65535; the broker acknowledges them long before they come round again.
      nextMessageId = (nextMessageId % 65_534) + 1;
      send({
        cmd: "publish",
        topic,
        payload,
        qos: 1,
        retain: false,
        dup: false,
        messageId: nextMessageId + 1,
      });
    },
    async end() {
      flush();
      socket.end(generate({ cmd: "disconnect" }));
      await once(socket, "close");
    },
  };
}
