import { connectClient, endClient } from "./connect-client.js";

/**
 * Resolves when an MQTT broker at `url` accepts a CONNECT within `timeoutMs`. mqtt.js starts its CONNACK
 * timer before the TCP connection, so a stalled connect is covered too.
 */
export async function probeMqtt(url: string, timeoutMs: number): Promise<void> {
  const client = await connectClient(url, { connectTimeout: timeoutMs });
  await endClient(client);
}
