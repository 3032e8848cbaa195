import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTopic, topics } from "./build-topic.js";
import { parseTopic } from "./parse-topic.js";
import { TOPIC_KINDS, templateParams } from "./topic-tree.js";
import type { TopicIds, TopicKind } from "./topic-tree.js";

const anyId = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
  // Ids spelled like the tree's own words or wildcards are the ones most likely to confuse a parser.
  fc.constantFrom("panels", "chargers", "operator", "budget", "errors", "+", "#", "/", "sce", "v1", ".."),
);

function idsFor(kind: TopicKind): fc.Arbitrary<Record<string, string>> {
  return fc.record(Object.fromEntries(templateParams(kind).map((param) => [param, anyId])));
}

describe("topics", () => {
  it("builds the documented addresses", () => {
    expect(topics.panelBudget("depot-north", "panel-a")).toBe("sce/v1/depot-north/panels/panel-a/budget");
    expect(topics.profileCommand("depot north", "CP/17")).toBe(
      "sce/v1/depot%20north/chargers/CP%2F17/commands",
    );
    expect(topics.setPanelStrategy("s", "p")).toBe("sce/v1/s/operator/panels/p/strategy");
    expect(topics.error("s", "bridge-1")).toBe("sce/v1/s/errors/bridge-1");
  });

  it("names the missing id when a builder is given an empty one", () => {
    expect(() => topics.commandResult("site", "")).toThrow(/chargerId: must not be empty/);
  });
});

describe("parseTopic", () => {
  it("answers a topic it has seen with the same frozen result, also after many others", () => {
    const topic = "sce/v1/depot/chargers/CP-17/results";
    const first = parseTopic(topic);
    expect(first).toEqual({ kind: "commandResult", site: "depot", chargerId: "CP-17" });
    expect(Object.isFrozen(first)).toBe(true);
    expect(parseTopic(topic)).toBe(first);
    for (let i = 0; i < 25_000; i++) parseTopic(`sce/v1/depot/chargers/CP-${i}/results`);
    // Forgotten to stay within bounds, and matched again.
    expect(parseTopic(topic)).not.toBe(first);
    expect(parseTopic(topic)).toEqual(first);
    expect(parseTopic("other/app/topic")).toBeNull();
  });

  it("maps a topic back to its kind and decoded ids", () => {
    expect(parseTopic("sce/v1/depot%20north/chargers/CP%2F17/events")).toEqual({
      kind: "sessionEvent",
      site: "depot north",
      chargerId: "CP/17",
    });
    expect(parseTopic("sce/v1/s/operator/grid-limit")).toEqual({ kind: "setGridLimit", site: "s" });
  });

  it("round-trips build → parse for every kind and random ids", () => {
    for (const kind of TOPIC_KINDS) {
      fc.assert(
        fc.property(idsFor(kind), (ids) => {
          const topic = buildTopic(kind, ids as TopicIds<typeof kind>);
          expect(parseTopic(topic)).toEqual({ kind, ...ids });
        }),
        { numRuns: 200 },
      );
    }
  });

  it("returns null for foreign topics", () => {
    for (const topic of [
      "sce/v2/s/meter",
      "other/v1/s/meter",
      "sce/v1/s/meter/extra",
      "sce/v1/s/panels/p/unknown",
      "sce/v1/s/panels//budget",
      "sce/v1/s%2f/meter",
      "/sce/v1/s/meter",
      "sce/v1",
      "",
    ]) {
      expect(parseTopic(topic), topic).toBeNull();
    }
  });
});
