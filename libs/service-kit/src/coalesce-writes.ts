import type { MqttClient } from "mqtt";
import type { Duplex } from "node:stream";

const releases = new WeakMap<MqttClient, () => void>();

/**
 * Lets the acknowledgements a read causes leave in one socket write. mqtt.js handles the packets of a read
 * one per tick and writes each PUBACK on its own: a burst of 1000 command results was 1000 writes, each a
 * trip through the kernel's TCP stack and a wake-up of the broker. The socket is corked from a read until
 * the event loop's check phase. A message the service publishes releases it (`releaseWrites`), so
 * commands and budgets are not held back behind the rest of the loop turn; the acknowledgements after it
 * in the same read go out one write each, as before. A socket destroyed while corked loses the PUBACKs it
 * held; the broker delivers those messages again (QoS 1).
 */
export function coalesceWritesPerRead(client: MqttClient): void {
  client.on("connect", () => {
    // Each (re)connection has a socket of its own.
    const socket = client.stream as Duplex | undefined;
    if (socket === undefined) return;
    let corked = false;
    const release = () => {
      if (!corked) return;
      corked = false;
      socket.uncork();
    };
    socket.prependListener("data", () => {
      if (corked) return;
      corked = true;
      socket.cork();
      setImmediate(release);
    });
    releases.set(client, release);
  });
}

/**
 * Writes what is pending on the client's socket at the end of this tick (with what else this tick
 * publishes) instead of at the end of the loop turn.
 */
export function releaseWrites(client: MqttClient): void {
  releases.get(client)?.();
}
