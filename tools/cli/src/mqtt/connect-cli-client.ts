/**
 * The CLI's MQTT connection. Unlike a service it keeps no session at the broker (clean start, random
 * client id): an operator's terminal must not leave queued messages behind when it closes.
 */
import { randomUUID } from "node:crypto";
import { mqttOptions, safeUrl } from "@smart-charge/service-kit";
import mqtt, { type MqttClient } from "mqtt";

export interface BrokerOptions {
  url: string;
  username?: string;
  password?: string;
  /** MQTT 5, so operator commands also carry response topic and correlation data as properties. */
  mqtt5: boolean;
}

export class BrokerUnreachableError extends Error {
  override readonly name = "BrokerUnreachableError";
}

/**
 * Connects and resolves on the broker's CONNACK; rejects on an error, or when the first attempt closes,
 * so a wrong address or password is reported at once instead of retried silently. With `reconnect` the
 * client reconnects by itself afterwards (for `tree --watch`).
 */
export function connectCliClient(
  broker: BrokerOptions,
  { reconnect, onError }: { reconnect: boolean; onError: (error: Error) => void },
): Promise<MqttClient> {
  const options = mqttOptions(
    {
      url: broker.url,
      protocolVersion: broker.mqtt5 ? 5 : 4,
      ...(broker.username === undefined ? {} : { username: broker.username }),
      ...(broker.password === undefined ? {} : { password: broker.password }),
    },
    `sce-cli-${randomUUID()}`,
    { persistent: false },
  );
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(broker.url, {
      ...options,
      reconnectPeriod: reconnect ? 1000 : 0,
      connectTimeout: 5_000,
    });
    const settle = (error?: Error): void => {
      client.off("connect", onConnect);
      client.off("error", settle);
      client.off("close", onClose);
      if (error === undefined) {
        // Errors after the first CONNACK (a refused reconnect, say) are reported, never thrown.
        client.on("error", onError);
        return resolve(client);
      }
      client.end(true);
      reject(
        new BrokerUnreachableError(
          `cannot connect to the MQTT broker at ${safeUrl(broker.url)}: ${error.message}`,
        ),
      );
    };
    const onConnect = (): void => settle();
    const onClose = (): void => settle(new Error("the connection closed before the broker accepted it"));
    client.on("connect", onConnect);
    client.on("error", settle);
    client.on("close", onClose);
  });
}
