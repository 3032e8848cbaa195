/** @smart-charge/service-kit: the wiring every Smart Charge Engine service shares. See README.md. */
export { createLogger, safeUrl } from "./logger.js";
export { startHealthServer } from "./health-server.js";
export type { HealthSource, HealthServer } from "./health-server.js";
export { mqttConnectionSchema, mqttOptions, createMqttClient, connectNow } from "./mqtt-connection.js";
export type { MqttConnectionConfig } from "./mqtt-connection.js";
export { watchMqttConnection, type MqttConnectionState } from "./mqtt-connection-state.js";
export { ContractPublisher, type PublishProperties } from "./contract-publisher.js";
export { ConfigError, configErrorField, parseWithSchema, readJsonFile } from "./config-file.js";
export { stopOnSignals } from "./shutdown.js";
export { openRedis, type RedisConnection, type RedisLogger } from "./redis-connection.js";
export { COMMON_OVERRIDES, configLoader, type EnvironmentOverride } from "./config-environment.js";
