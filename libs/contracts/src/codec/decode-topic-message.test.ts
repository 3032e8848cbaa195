import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../examples/example-messages.js";
import { topics } from "../topics/build-topic.js";
import { decodeTopicMessage } from "./decode-topic-message.js";
import { encodeMessage } from "./encode-message.js";
import { profileCommandSchema } from "../schemas/profile-command.js";

const command = EXAMPLES.profileCommand.message;
const payload = encodeMessage(profileCommandSchema, command);

describe("decodeTopicMessage", () => {
  it("picks the schema from the topic and returns kind, ids and message", () => {
    const decoded = decodeTopicMessage(topics.profileCommand("depot-north", "CP-017"), payload);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok || decoded.value.kind !== "profileCommand") throw new Error("expected a profile command");
    expect(decoded.value.ids).toEqual({ site: "depot-north", chargerId: "CP-017" });
    expect(decoded.value.message.epoch).toBe(12);
  });

  it("refuses a message whose ids disagree with its topic", () => {
    expect(decodeTopicMessage(topics.profileCommand("depot-north", "CP-018"), payload)).toEqual({
      ok: false,
      error: { field: "chargerId", message: 'does not match the topic\'s id "CP-018"' },
    });
    const otherSite = decodeTopicMessage(topics.profileCommand("depot-south", "CP-017"), payload);
    expect(otherSite.ok || otherSite.error.field).toBe("site");
  });

  it("refuses topics outside the tree and payloads of the wrong kind", () => {
    const foreign = decodeTopicMessage("sce/v2/depot-north/meter", payload);
    expect(foreign.ok || foreign.error.field).toBe("(topic)");
    const wrongKind = decodeTopicMessage(topics.commandResult("depot-north", "CP-017"), payload);
    expect(wrongKind.ok).toBe(false);
  });
});
