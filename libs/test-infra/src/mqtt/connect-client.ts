import { connect, type IClientOptions, type MqttClient } from "mqtt";
import { redactUrl } from "../shared/redact-url.js";
import { MessageRecorder } from "./message-recorder.js";

/**
 * Connects an mqtt.js client and resolves once the broker accepted it (CONNACK), rejects on the first
 * error. Unless `reconnectPeriod` is given, the client does not reconnect: in a test a silent reconnect
 * hides the failure being looked for, so a connection that closes before CONNACK rejects too.
 */
export function connectClient(
  url: string,
  options: IClientOptions = {},
  /** Called before any packet arrives, e.g. to put a listener in place for a resumed session. */
  prepare: (client: MqttClient) => void = () => undefined,
): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    // Inside the executor, so options mqtt.js refuses synchronously become a rejection too.
    const client = connect(url, { reconnectPeriod: 0, connectTimeout: 5_000, ...options });
    prepare(client);
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

/**
 * Connects as `clientId` again on its persistent session (clean: false) with a recorder on `filter` in
 * place before the broker delivers what it kept for the session.
 */
export async function resumeSession(
  url: string,
  clientId: string,
  filter: string,
): Promise<{ client: MqttClient; recorder: MessageRecorder }> {
  let recorder: MessageRecorder | undefined;
  const client = await connectClient(url, { clientId, clean: false }, (c) => {
    recorder = MessageRecorder.listening(c, filter);
  });
  if (recorder === undefined) throw new Error("unreachable: prepare runs before connect resolves");
  return { client, recorder };
}
