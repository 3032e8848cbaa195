import { readFileSync } from "node:fs";
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import { z } from "zod";
import { coalesceWritesPerRead } from "./coalesce-writes.js";

/** The `mqtt` section of every service's config file. */
export const mqttConnectionSchema = z
  .object({
    url: z.string().min(1),
    username: z.string().optional(),
    password: z.string().optional(),
    clientId: z.string().optional(),
    protocolVersion: z.union([z.literal(4), z.literal(5)]).default(4),
    tls: z
      .object({
        caFile: z.string().optional(),
        certFile: z.string().optional(),
        keyFile: z.string().optional(),
        rejectUnauthorized: z.boolean().default(true),
      })
      .strict()
      .optional(),
  })
  .strict();

export type MqttConnectionConfig = z.output<typeof mqttConnectionSchema>;

/**
 * How long the broker keeps a persistent session (its subscriptions and queued QoS 1 messages) after a
 * disconnect on MQTT 5: a day, as the deployed Mosquitto's persistent_client_expiration.
 */
const SESSION_EXPIRY_S = 86_400;

/**
 * mqtt.js traces every packet it handles through `debug`; those calls cost a few per cent of a busy
 * service's CPU even with tracing off. `DEBUG=mqttjs*` still turns the trace on.
 */
function quietUnlessDebugging(): Pick<IClientOptions, "log"> {
  return process.env["DEBUG"] === undefined ? { log: () => undefined } : {};
}

/**
 * A persistent MQTT session (clean: false, stable client id): QoS 1 messages that arrive while the service
 * is down or restarting wait at the broker and are redelivered. mqtt.js reconnects by itself. A one-off
 * client (the CLI) asks for `persistent: false`: nothing is kept at the broker once it disconnects.
 */
export function mqttOptions(
  m: MqttConnectionConfig,
  defaultClientId: string,
  { persistent = true }: { persistent?: boolean } = {},
): IClientOptions {
  const tls = m.tls;
  return {
    clientId: (m.clientId ?? defaultClientId).slice(0, 128),
    clean: !persistent,
    protocolVersion: m.protocolVersion,
    // MQTT 5 ends a session when the connection closes unless it is given an expiry; 3.1.1 keeps it.
    ...(m.protocolVersion === 5 && persistent
      ? { properties: { sessionExpiryInterval: SESSION_EXPIRY_S } }
      : {}),
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    ...quietUnlessDebugging(),
    ...(m.username !== undefined ? { username: m.username } : {}),
    ...(m.password !== undefined ? { password: m.password } : {}),
    ...(tls?.caFile !== undefined ? { ca: readFileSync(tls.caFile) } : {}),
    ...(tls?.certFile !== undefined ? { cert: readFileSync(tls.certFile) } : {}),
    ...(tls?.keyFile !== undefined ? { key: readFileSync(tls.keyFile) } : {}),
    ...(tls !== undefined ? { rejectUnauthorized: tls.rejectUnauthorized } : {}),
  };
}

/**
 * Creates the client without connecting, so the caller can install its message handler first: on a
 * persistent session the broker delivers the messages it kept the moment the connection is made.
 */
export function createMqttClient(m: MqttConnectionConfig, defaultClientId: string): MqttClient {
  const client = mqtt.connect(m.url, {
    ...mqttOptions(m, defaultClientId),
    manualConnect: true,
    // mqtt.js would retry at a fixed period; reconnectWithBackoff takes over.
    reconnectPeriod: 0,
  });
  reconnectWithBackoff(client);
  // mqtt.js leaves Nagle's algorithm on: a small profile command could wait ~40 ms for the previous
  // packet's ACK. Every (re)connection opens a new socket, so this is set on each.
  client.on("connect", () => {
    const socket = client.stream as { setNoDelay?: (noDelay: boolean) => unknown } | undefined;
    socket?.setNoDelay?.(true);
  });
  coalesceWritesPerRead(client);
  return client;
}

/** The first attempt after a lost connection comes quickly; each failed one doubles the wait, to a ceiling. */
export const RECONNECT_FIRST_MS = 500;
export const RECONNECT_MAX_MS = 8_000;

/**
 * Reconnects after a lost connection (never after end()), waiting 0.5, 1, 2, 4, 8, 8 … s between
 * attempts: quick after a broker restart, without a storm of connections against a broker that is down.
 */
function reconnectWithBackoff(client: MqttClient): void {
  let delay = RECONNECT_FIRST_MS;
  let timer: NodeJS.Timeout | undefined;
  client.on("connect", () => (delay = RECONNECT_FIRST_MS));
  client.on("close", () => {
    if (client.disconnecting || client.disconnected || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!client.disconnecting && !client.disconnected) client.reconnect();
    }, delay);
    delay = Math.min(RECONNECT_MAX_MS, delay * 2);
  });
  client.on("end", () => clearTimeout(timer));
}

/** Connects and waits for the first CONNACK, so start-up fails loudly on a wrong address or credentials. */
export function connectNow(client: MqttClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      client.off("error", onError);
      resolve();
    };
    const onError = (error: Error) => {
      client.off("connect", onConnect);
      client.end(true);
      reject(error);
    };
    client.once("connect", onConnect);
    client.once("error", onError);
    client.connect();
  });
}
