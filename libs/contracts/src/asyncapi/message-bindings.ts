/**
 * Where a message's correlation id lives, and the MQTT 5 properties that repeat it (mqtt binding 0.2.0).
 * On MQTT 3.1.1 only the JSON fields exist, so `correlationId` points into the payload.
 */
import type { TopicKind } from "../topics/topic-tree.js";
import type { Json } from "./document-types.js";

const base = { bindingVersion: "0.2.0", contentType: "application/json", payloadFormatIndicator: 1 };

const operatorCommand: Json = {
  ...base,
  correlationData: { type: "string", description: "MQTT 5 only: UTF-8 bytes of requestId." },
  responseTopic: { type: "string", description: "MQTT 5 only: replyTo, or sce/v1/{site}/operator/results." },
};
const echoed: Json = {
  ...base,
  correlationData: { type: "string", description: "MQTT 5 only: the command's correlationData, echoed." },
};

const BINDINGS: Partial<Record<TopicKind, Json>> = {
  profileCommand: {
    ...base,
    correlationData: { type: "string", description: "MQTT 5 only: UTF-8 bytes of messageId." },
    responseTopic: {
      type: "string",
      description: "MQTT 5 only: sce/v1/{site}/chargers/{chargerId}/results.",
    },
  },
  commandResult: echoed,
  setGridLimit: operatorCommand,
  setSafetyMargin: operatorCommand,
  setPanelBudgetCap: operatorCommand,
  setPanelStrategy: operatorCommand,
  operatorResult: echoed,
};

export function messageBindings(kind: TopicKind): Json {
  return BINDINGS[kind] ?? base;
}

const CORRELATION_FIELD: Partial<Record<TopicKind, string>> = {
  profileCommand: "messageId",
  commandResult: "messageId",
  setGridLimit: "requestId",
  setSafetyMargin: "requestId",
  setPanelBudgetCap: "requestId",
  setPanelStrategy: "requestId",
  operatorResult: "requestId",
};

/** AsyncAPI Correlation ID object for request/reply messages; undefined for the others. */
export function correlationId(kind: TopicKind): { description: string; location: string } | undefined {
  const field = CORRELATION_FIELD[kind];
  if (field === undefined) return undefined;
  return {
    description: `\`${field}\` in the JSON; works on MQTT 3.1.1.`,
    location: `$message.payload#/${field}`,
  };
}

/** Broker-side expiry for a send: only profile commands expire, and only over MQTT 5. */
export function messageExpiryInterval(kind: TopicKind): Json | undefined {
  if (kind !== "profileCommand") return undefined;
  return {
    type: "integer",
    minimum: 1,
    description: "MQTT 5 only: whole seconds until expiresAt, rounded up; absent when expiresAt is.",
  };
}
