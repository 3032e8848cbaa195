/**
 * Builds the AsyncAPI 3.0 document from the same tables the code uses (topic templates, delivery,
 * schemas, examples), so the published document cannot drift from what the services accept.
 */
import { examplesOf } from "../examples/example-messages.js";
import { MESSAGE_SCHEMAS } from "../schemas/message-schemas.js";
import { DELIVERY } from "../topics/delivery.js";
import { TOPIC_KINDS, TOPIC_ROOT, TOPIC_TEMPLATES, templateParams } from "../topics/topic-tree.js";
import type { TopicKind } from "../topics/topic-tree.js";
import { CHANNEL_DOCS, PARAMETER_DOCS } from "./channel-docs.js";
import { correlationId, messageBindings } from "./message-bindings.js";
import { operationsFor } from "./operations.js";
import { API_VERSION, OVERVIEW } from "./overview.js";
import { payloadSchema } from "./payload-schema.js";

import type { AsyncApiChannel, AsyncApiDocument, AsyncApiMessage, Ref } from "./document-types.js";

const ref = (path: string): Ref => ({ $ref: `#/${path}` });

function channel(kind: TopicKind): AsyncApiChannel {
  const { retained, qos } = DELIVERY[kind];
  const doc = CHANNEL_DOCS[kind];
  return {
    address: `${TOPIC_ROOT}/${TOPIC_TEMPLATES[kind]}`,
    title: doc.title,
    description: `${doc.description}\n\nQoS ${qos}, ${retained ? "retained" : "not retained"}.`,
    messages: { [kind]: ref(`components/messages/${kind}`) },
    parameters: Object.fromEntries(templateParams(kind).map((p) => [p, ref(`components/parameters/${p}`)])),
  };
}

function message(kind: TopicKind): AsyncApiMessage {
  const correlation = correlationId(kind);
  return {
    name: kind,
    title: CHANNEL_DOCS[kind].title,
    contentType: "application/json",
    ...(correlation === undefined ? {} : { correlationId: correlation }),
    payload: payloadSchema(MESSAGE_SCHEMAS[kind]),
    bindings: { mqtt: messageBindings(kind) },
    examples: examplesOf(kind).map((example) => ({ name: example.name, payload: example.message })),
  };
}

function parameters(): Record<string, { description: string }> {
  const names = [...new Set(TOPIC_KINDS.flatMap(templateParams))];
  return Object.fromEntries(
    names.map((name) => [
      name,
      { description: `${PARAMETER_DOCS[name] ?? name} Escaped as one topic level.` },
    ]),
  );
}

export function buildAsyncApiDocument(): AsyncApiDocument {
  const byKind = <T>(build: (kind: TopicKind) => T): Record<string, T> =>
    Object.fromEntries(TOPIC_KINDS.map((kind) => [kind, build(kind)]));
  return {
    asyncapi: "3.0.0",
    info: { title: "Smart Charge Engine MQTT API", version: API_VERSION, description: OVERVIEW },
    defaultContentType: "application/json",
    servers: {
      site: {
        host: "broker.example.com:1883",
        protocol: "mqtt",
        protocolVersion: "3.1.1",
        description:
          "The site's broker (the embedded aedes broker speaks MQTT 3.1.1; MQTT 5 brokers work too).",
        bindings: { mqtt: { cleanSession: false, keepAlive: 30, bindingVersion: "0.2.0" } },
      },
    },
    channels: byKind(channel),
    operations: Object.fromEntries(TOPIC_KINDS.flatMap(operationsFor)),
    components: { messages: byKind(message), parameters: parameters() },
  };
}
