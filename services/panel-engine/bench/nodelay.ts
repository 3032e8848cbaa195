/**
 * `--nodelay`: a what-if, not the engine as shipped. Sets TCP_NODELAY on every TCP connection this process
 * opens from now on (mqtt.js calls net.createConnection and never sets it), the engine's MQTT client
 * included, to show what Nagle's algorithm costs on the client side. The broker's side is Mosquitto's
 * `set_tcp_nodelay` option (README.md).
 */
import net from "node:net";

export function setNoDelayEverywhere(): void {
  const createConnection = net.createConnection.bind(net) as (...args: unknown[]) => net.Socket;
  const patched = (...args: unknown[]): net.Socket => createConnection(...args).setNoDelay(true);
  (net as unknown as { createConnection: typeof patched }).createConnection = patched;
}
