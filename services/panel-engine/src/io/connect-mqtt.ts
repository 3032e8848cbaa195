import { readFileSync } from "node:fs";
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { PanelEngineConfig } from "../config/config-schema.js";

/**
 * A persistent MQTT session (clean: false, stable client id): QoS 1 messages that arrive while the engine
 * is down or restarting wait at the broker and are redelivered. mqtt.js reconnects by itself.
 */
export function mqttOptions(config: PanelEngineConfig): IClientOptions {
  const { mqtt: m } = config;
  const tls = m.tls;
  return {
    clientId: m.clientId ?? `sce-${config.site}-${config.panel}-${config.instanceId}`.slice(0, 128),
    clean: false,
    protocolVersion: m.protocolVersion,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    ...(m.username !== undefined ? { username: m.username } : {}),
    ...(m.password !== undefined ? { password: m.password } : {}),
    ...(tls?.caFile !== undefined ? { ca: readFileSync(tls.caFile) } : {}),
    ...(tls?.certFile !== undefined ? { cert: readFileSync(tls.certFile) } : {}),
    ...(tls?.keyFile !== undefined ? { key: readFileSync(tls.keyFile) } : {}),
    ...(tls !== undefined ? { rejectUnauthorized: tls.rejectUnauthorized } : {}),
  };
}

/** Connects and waits for the first CONNACK, so start-up fails loudly on a wrong address or credentials. */
export async function connectMqtt(config: PanelEngineConfig): Promise<MqttClient> {
  return mqtt.connectAsync(config.mqtt.url, mqttOptions(config));
}
