import { describe, expect, it } from "vitest";
import { decodeTopicMessage } from "../codec/decode-topic-message.js";
import { encodeMessage } from "../codec/encode-message.js";
import { MESSAGE_SCHEMAS } from "../schemas/message-schemas.js";
import { buildTopic } from "../topics/build-topic.js";
import { TOPIC_KINDS } from "../topics/topic-tree.js";
import type { TopicKind } from "../topics/topic-tree.js";
import { examplesOf } from "./example-messages.js";

function check<K extends TopicKind>(kind: K): void {
  for (const example of examplesOf(kind)) {
    // Strict writer and topic-checking reader: the documented example must pass both.
    const payload = encodeMessage(MESSAGE_SCHEMAS[kind], example.message);
    const decoded = decodeTopicMessage(buildTopic(kind, example.ids), payload);
    expect(decoded.ok ? decoded.value.kind : decoded.error, `${kind}/${example.name}`).toBe(kind);
  }
}

describe("documented examples", () => {
  it.each(TOPIC_KINDS)("%s examples are valid messages on their topic", (kind) => {
    expect(examplesOf(kind).length).toBeGreaterThan(0);
    check(kind);
  });

  it("cover every session event type", () => {
    const types = examplesOf("sessionEvent").map((example) => example.message.type);
    expect(new Set(types)).toEqual(new Set(["started", "updated", "meter-values", "stopped"]));
  });
});
