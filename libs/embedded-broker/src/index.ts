/** @smart-charge/embedded-broker: an in-process MQTT broker for tests and the all-in-one demo. */
export { startEmbeddedBroker } from "./start-embedded-broker.js";
export type { EmbeddedBroker, EmbeddedBrokerLogger, EmbeddedBrokerOptions } from "./start-embedded-broker.js";
