import { TOPIC_FIELD } from "../errors/contract-error.js";
import type { ContractIssue } from "../errors/contract-error.js";
import { MESSAGE_SCHEMAS } from "../schemas/message-schemas.js";
import type { MessageOf } from "../schemas/message-schemas.js";
import { parseTopic } from "../topics/parse-topic.js";
import type { TopicIds, TopicKind } from "../topics/topic-tree.js";
import { decodeMessage } from "./decode-message.js";

/** A message received on a topic of the tree: its kind, the topic's ids and the validated message. */
export type TopicMessage = {
  [K in TopicKind]: { kind: K; ids: TopicIds<K>; message: MessageOf<K> };
}[TopicKind];

export type DecodedTopicMessage = { ok: true; value: TopicMessage } | { ok: false; error: ContractIssue };

/**
 * One call for a subscriber: topic → kind → schema → message. Also refuses a message whose own ids
 * disagree with its topic, so a command for charger A that arrives on charger B's topic is never relayed.
 */
export function decodeTopicMessage(topic: string, payload: Uint8Array | string): DecodedTopicMessage {
  const parsed = parseTopic(topic);
  if (parsed === null)
    return { ok: false, error: { field: TOPIC_FIELD, message: `not a topic of this tree: ${topic}` } };
  const { kind, ...ids } = parsed;
  const decoded = decodeMessage(MESSAGE_SCHEMAS[kind], payload);
  if (!decoded.ok) return decoded;
  const message = decoded.value as Record<string, unknown>;
  // Topic parameters and message id fields share names (site, panel, chargerId, source) by design.
  for (const [param, id] of Object.entries(ids)) {
    if (param in message && message[param] !== id) {
      return { ok: false, error: { field: param, message: `does not match the topic's id "${id}"` } };
    }
  }
  return { ok: true, value: { kind, ids, message: decoded.value } as TopicMessage };
}
