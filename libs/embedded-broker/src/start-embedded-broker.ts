import { once } from "node:events";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { Aedes } from "aedes";

/** Anything with a `warn(message, ...details)` method: console, pino and most loggers fit. */
export interface EmbeddedBrokerLogger {
  warn(message: string, ...details: unknown[]): void;
}

export interface EmbeddedBrokerOptions {
  /** TCP port; 0 or omitted picks a free one, so parallel test files never fight over 1883. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1: a test broker has no business on the network. */
  host?: string;
  /** Receives client and connection errors; omitted means they are dropped. */
  logger?: EmbeddedBrokerLogger;
}

export interface EmbeddedBroker {
  /** `mqtt://host:port`, ready for mqtt.js `connect()`. */
  url: string;
  port: number;
  /** Disconnects every client, stops listening and releases the port. Safe to call twice. */
  close(): Promise<void>;
}

/** Starts an aedes broker (MQTT 3.1.1, in-memory persistence) on plain TCP. */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> {
  const host = options.host ?? "127.0.0.1";
  const broker = await Aedes.createBroker();
  const logger = options.logger;
  if (logger !== undefined) {
    broker.on("clientError", (client, error) => {
      if (!broker.closed) logger.warn(`embedded broker: client ${client.id} error: ${error.message}`);
    });
    broker.on("connectionError", (_client, error) => {
      if (!broker.closed) logger.warn(`embedded broker: connection error: ${error.message}`);
    });
  }

  // aedes only knows clients that completed CONNECT; a half-open socket would keep the server alive.
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    broker.handle(socket);
  });

  try {
    server.listen(options.port ?? 0, host);
    await once(server, "listening");
  } catch (error) {
    await closeBroker(broker);
    throw error;
  }
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      await closeBroker(broker);
      for (const socket of sockets) socket.destroy();
      await serverClosed;
    })();
    return closing;
  };

  return { url: `mqtt://${urlHost(host)}:${port}`, port, close };
}

function closeBroker(broker: Aedes): Promise<void> {
  return new Promise((resolve) => broker.close(() => resolve()));
}

/** A wildcard address accepts loopback connections; an IPv6 literal needs brackets in a URL. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
