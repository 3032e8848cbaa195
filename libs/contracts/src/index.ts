/**
 * @smart-charge/contracts: the public MQTT API of Smart Charge Engine, one definition imported by every
 * side (services, tests, bridge authors). See README.md and asyncapi.json.
 */

// Errors
export { ContractError, JSON_FIELD, ROOT_FIELD, TOPIC_FIELD } from "./errors/contract-error.js";
export type { ContractIssue } from "./errors/contract-error.js";

// Topics
export { TOPIC_ROOT, TOPIC_TEMPLATES, TOPIC_KINDS } from "./topics/topic-tree.js";
export type { TopicKind, TopicIds, ParsedTopic } from "./topics/topic-tree.js";
export { escapeId, unescapeId } from "./topics/escape-id.js";
export { buildTopic, topics } from "./topics/build-topic.js";
export { parseTopic } from "./topics/parse-topic.js";
export { subscriptions, topicPattern, topicMatches } from "./topics/subscriptions.js";
export { DELIVERY } from "./topics/delivery.js";
export type { Delivery, Role } from "./topics/delivery.js";

// Schemas and types
export * from "./schemas/primitives.js";
export * from "./schemas/panel-budget.js";
export * from "./schemas/panel-status.js";
export * from "./schemas/session-event.js";
export * from "./schemas/profile-command.js";
export * from "./schemas/command-result.js";
export * from "./schemas/site-meter.js";
export * from "./schemas/operator-commands.js";
export * from "./schemas/operator-result.js";
export * from "./schemas/error-report.js";
export { MESSAGE_SCHEMAS } from "./schemas/message-schemas.js";
export type { MessageSchemas, MessageOf, MessageInputOf } from "./schemas/message-schemas.js";

// Reading and writing messages
export { decodeMessage } from "./codec/decode-message.js";
export type { Decoded } from "./codec/decode-message.js";
export { encodeMessage } from "./codec/encode-message.js";
export { decodeTopicMessage } from "./codec/decode-topic-message.js";
export type { TopicMessage, DecodedTopicMessage } from "./codec/decode-topic-message.js";

// Fencing, expiry, MQTT 5
export { createFence, isFenced } from "./fencing/fence.js";
export type { Fence } from "./fencing/fence.js";
export { isExpired, secondsUntilExpiry } from "./mqtt5/expiry.js";
export { profileCommandProperties, operatorCommandProperties } from "./mqtt5/publish-properties.js";
export type { Mqtt5PublishProperties } from "./mqtt5/publish-properties.js";

// Documentation
export { buildAsyncApiDocument } from "./asyncapi/generate.js";
export { EXAMPLES, examplesOf } from "./examples/example-messages.js";
export type { Example } from "./examples/example-messages.js";
