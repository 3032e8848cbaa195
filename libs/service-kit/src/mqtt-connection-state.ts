import type { MqttClient } from "mqtt";
import type { Logger } from "pino";

export interface MqttConnectionState {
  /** Whether the client is connected now, for /readyz. */
  readonly connected: boolean;
}

/** Logs one line per connection change (not one per reconnect attempt) and tracks the state for readiness. */
export function watchMqttConnection(client: MqttClient, logger: Logger): MqttConnectionState {
  const state = { connected: false };
  client.on("connect", () => {
    state.connected = true;
    logger.info({ event: "mqtt-connected" }, "MQTT connected");
  });
  client.on("close", () => {
    if (state.connected) logger.warn({ event: "mqtt-disconnected" }, "MQTT connection lost; reconnecting");
    state.connected = false;
  });
  client.on("error", (error) => logger.error({ event: "mqtt-error", err: error }, "MQTT error"));
  return state;
}
