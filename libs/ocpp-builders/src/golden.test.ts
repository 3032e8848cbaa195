import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GOLDEN_CASES } from "./test-support/golden-cases.js";
import { schemaErrors } from "./test-support/schemas.js";
import { sampleSession } from "./test-support/sessions.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

interface ReadmeExample {
  code: string;
  json: unknown;
}

/** `<!-- golden:name -->` followed by a ts block (the call) and a json block (its output). */
function readmeExamples(): Map<string, ReadmeExample> {
  const examples = new Map<string, ReadmeExample>();
  const pattern = /<!-- golden:([\w-]+) -->\s*```ts\n([\s\S]*?)\n```\s*```json\n([\s\S]*?)\n```/g;
  for (const match of readme.matchAll(pattern)) {
    const [, name, code, json] = match;
    if (name === undefined || code === undefined || json === undefined) continue;
    examples.set(name, { code, json: JSON.parse(json) as unknown });
  }
  return examples;
}

describe("README golden examples", () => {
  const examples = readmeExamples();

  it("shows exactly the golden cases, no more and no fewer", () => {
    expect([...examples.keys()].sort()).toEqual(GOLDEN_CASES.map((golden) => golden.name).sort());
  });

  it.each(GOLDEN_CASES.map((golden) => [golden.name, golden] as const))(
    "%s: README code and JSON match the builder",
    (name, golden) => {
      const example = examples.get(name);
      expect(example?.code).toBe(golden.code);
      expect(example?.json).toEqual(golden.build());
    },
  );

  it.each(GOLDEN_CASES.map((golden) => [golden.name, golden] as const))(
    "%s: passes the official schemas",
    (_name, golden) => {
      expect(schemaErrors(golden.version, golden.action, golden.build())).toEqual([]);
    },
  );

  it("shows the sample session the examples start from", () => {
    const match = /<!-- golden-input:session -->\s*```json\n([\s\S]*?)\n```/.exec(readme);
    expect(match?.[1] === undefined ? undefined : (JSON.parse(match[1]) as unknown)).toEqual(sampleSession());
  });
});
