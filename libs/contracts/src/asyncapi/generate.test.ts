import { describe, expect, it } from "vitest";
import { DELIVERY } from "../topics/delivery.js";
import { TOPIC_KINDS } from "../topics/topic-tree.js";
import { buildAsyncApiDocument } from "./generate.js";

const doc = buildAsyncApiDocument();

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, found));
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
}

describe("buildAsyncApiDocument", () => {
  it("is an AsyncAPI 3.0 document with an MQTT 3.1.1 server", () => {
    expect(doc.asyncapi).toBe("3.0.0");
    expect(Object.values(doc.servers)[0]).toMatchObject({ protocol: "mqtt", protocolVersion: "3.1.1" });
  });

  it("has no dangling $ref", () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(TOPIC_KINDS.length);
    for (const ref of refs) expect(resolve(ref), ref).toBeDefined();
  });

  it("declares a parameter for every {placeholder} of every channel address", () => {
    for (const [name, channel] of Object.entries(doc.channels)) {
      const placeholders = [...channel.address.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(channel.parameters).sort(), name).toEqual(placeholders.sort());
      expect(channel.address, name).toMatch(/^sce\/v1\/\{site\}\//);
    }
  });

  it("gives every kind a channel and a message with an object payload", () => {
    for (const kind of TOPIC_KINDS) {
      expect(doc.channels[kind], kind).toBeDefined();
      const payload = doc.components.messages[kind]?.payload;
      expect(payload?.["type"] ?? payload?.["oneOf"], kind).toBeDefined();
      expect(payload, kind).not.toHaveProperty("$schema");
    }
  });

  it("binds every operation to its channel's QoS and retain flag", () => {
    const operations = Object.values(doc.operations);
    for (const kind of TOPIC_KINDS) {
      const onChannel = operations.filter((op) => op.channel.$ref === `#/channels/${kind}`);
      expect(onChannel.length, kind).toBeGreaterThan(0);
      const { qos, retained } = DELIVERY[kind];
      for (const op of onChannel) expect(op.bindings.mqtt, kind).toMatchObject({ qos, retain: retained });
    }
  });

  it("speaks for the engine: it sends profile commands and receives what bridges publish", () => {
    const operations = doc.operations;
    expect(operations["sendProfileCommand"]?.action).toBe("send");
    expect(operations["sendProfileCommand"]?.reply?.channel.$ref).toBe("#/channels/commandResult");
    expect(operations["receiveSessionEvent"]?.action).toBe("receive");
    expect(operations["receiveCommandResult"]?.action).toBe("receive");
    expect(operations["receiveProfileCommand"]).toBeUndefined();
    expect(operations["receiveSetGridLimit"]?.reply?.address?.location).toBe("$message.payload#/replyTo");
  });
});
