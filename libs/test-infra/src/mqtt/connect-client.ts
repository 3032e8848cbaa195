import { connect, type IClientOptions, type MqttClient } from "mqtt";
import { redactUrl } from "../shared/redact-url.js";

/**
 * Connects an mqtt.js client and resolves once the broker accepted it (CONNACK), rejects on the first
 * error. Unless `reconnectPeriod` is given, the client does not reconnect: in a test a silent reconnect
 * hides the failure being looked for, so a connection that closes before CONNACK rejects too.
 */
export function connectClient(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    // Inside the executor, so options mqtt.js refuses synchronously become a rejection too.
    const client = connect(url, { reconnectPeriod: 0, connectTimeout: 5_000, ...options });
    const retries = (client.options.reconnectPeriod ?? 0) > 0;
    const cleanUp = (): void => {
      client.off("connect", onConnect);
      client.off("error", onError);
      client.off("close", onClose);
    };
    const onConnect = (): void => {
      cleanUp();
      resolve(client);
    };
    const onError = (error: Error): void => {
      cleanUp();
      client.end(true);
      reject(new Error(`MQTT connect to ${redactUrl(url)} failed: ${error.message}`, { cause: error }));
    };
    const onClose = (): void => {
      if (!retries) onError(new Error("the connection closed before the broker accepted it"));
    };
    client.on("connect", onConnect);
    client.on("error", onError);
    client.on("close", onClose);
  });
}

/** Disconnects gracefully (in-flight QoS 1/2 publishes finish) if connected, at once otherwise. */
export async function endClient(client: MqttClient): Promise<void> {
  await client.endAsync(!client.connected);
}
