/** The README documents the contract for people; these checks keep it from drifting away from the code. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as contracts from "./index.js";
import { DELIVERY, MESSAGE_SCHEMAS, TOPIC_KINDS, TOPIC_ROOT, TOPIC_TEMPLATES } from "./index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const read = (relative: string): string => readFileSync(new URL(relative, import.meta.url), "utf8");

function exportedNameOf(schema: unknown): string | undefined {
  return Object.entries(contracts).find(([name, value]) => value === schema && name.endsWith("Schema"))?.[0];
}

function tableRows(): string[][] {
  return readme
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe("README", () => {
  it("lists every topic with the direction, retain flag, QoS and schema the code uses", () => {
    const expected = TOPIC_KINDS.map((kind) => {
      const { publishers, subscribers, retained, qos } = DELIVERY[kind];
      return [
        `\`${kind}\``,
        `\`${TOPIC_ROOT}/${TOPIC_TEMPLATES[kind]}\``,
        `${publishers.join(", ")} → ${subscribers.join(", ")}`,
        retained ? "yes" : "no",
        String(qos),
        `\`${exportedNameOf(MESSAGE_SCHEMAS[kind]) ?? "(not exported)"}\``,
      ];
    });
    expect(tableRows()).toEqual(expected);
  });

  it("shows the bridge example exactly as the test runs it", () => {
    const block = /```ts\n(function handleCommand[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(read("./bridge-flow.test.ts")).toContain(block);
  });

  it("shows the profile command example exactly as the examples define it", () => {
    const block = /```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? "null";
    expect(JSON.parse(block)).toEqual(contracts.EXAMPLES.profileCommand.message);
  });
});
