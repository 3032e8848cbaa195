/**
 * @smart-charge/test-infra: what integration tests across the repo use to get a real Redis and MQTT
 * broker (from the environment, the local machine, a container, or in-process aedes), keep parallel test
 * files apart, and wait for MQTT messages by event instead of by sleeping.
 */
export { redisForTests, LOCAL_REDIS_URL, type TestRedis } from "./redis/redis-for-tests.js";
export {
  mqttBrokerForTests,
  LOCAL_MQTT_URL,
  type BrokerKind,
  type TestBroker,
} from "./mqtt/mqtt-broker-for-tests.js";
export type { ServiceSource, TestService } from "./shared/test-service.js";
export { connectClient, endClient, resumeSession } from "./mqtt/connect-client.js";
export { MessageRecorder, recordMessages, type WaitOptions } from "./mqtt/message-recorder.js";
export type { MessagePredicate, RecordedMessage } from "./mqtt/recorded-message.js";
export { topicMatchesFilter } from "./mqtt/topic-filter.js";
export { uniqueId } from "./unique-id.js";
export { startOwnRedis } from "./own/own-redis.js";
export { startOwnMosquitto, type OwnMosquittoOptions } from "./own/own-mosquitto.js";
export { disposeOwnService, freePort, type OwnService } from "./own/own-process.js";
export { formatMs, percentile, printTable } from "./bench-report.js";
export { exampleRegion } from "./readme-region.js";
