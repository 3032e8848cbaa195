import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplesOf } from "../examples/example-messages.js";
import { MESSAGE_SCHEMAS } from "../schemas/message-schemas.js";
import { TOPIC_KINDS } from "../topics/topic-tree.js";
import { compiledSchema } from "./compiled-schema.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in a message a value sits at (object fields and array items), the root excluded. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A copy of `message` with the value at `path` replaced, or removed when `replacement` is undefined. */
function edited(message: Json, path: Path, replacement: Json | undefined): Json {
  const copy = structuredClone(message);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  // A field of its own even for "__proto__", as JSON.parse makes it (plain assignment would set the prototype).
  else
    Object.defineProperty(parent, last, {
      value: replacement ?? null,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e21, 0.5, "", "x", "2025-03-14T09:30:00Z", [], {}),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string(),
  fc.json().map((text) => JSON.parse(text) as Json),
);

const examples = TOPIC_KINDS.flatMap((kind) =>
  examplesOf(kind).map((example) => ({ kind, message: example.message as unknown as Json })),
);

/** A message of the contract, as sent or with one field changed, removed or added. */
const messages = fc.constantFrom(...examples).chain(({ kind, message }) => {
  const paths = pathsOf(message);
  const objects = [[], ...paths].filter((path) => {
    const value = path.reduce<Json>((at, key) => (at as Record<string | number, Json>)[key] ?? null, message);
    return value !== null && typeof value === "object" && !Array.isArray(value);
  });
  const changed = fc
    .tuple(fc.constantFrom(...paths), fc.option(jsonValue, { nil: undefined }))
    .map(([path, value]) => edited(message, path, value));
  const extra = fc
    .tuple(fc.constantFrom(...objects), fc.string(), jsonValue)
    .map(([path, key, value]) => edited(message, [...path, key], value));
  return fc.record({ kind: fc.constant(kind), value: fc.oneof(fc.constant(message), changed, extra) });
});

describe("compiled schemas", () => {
  it("read and write every message exactly as the schemas they were compiled from", () => {
    fc.assert(
      fc.property(messages, ({ kind, value }) => {
        const schema = MESSAGE_SCHEMAS[kind];
        // Each parser gets its own copy, read from JSON text as a received message is.
        const text = JSON.stringify(value);
        const original = schema.safeParse(JSON.parse(text));
        const compiled = compiledSchema(schema).safeParse(JSON.parse(text));
        expect(compiled.success).toBe(original.success);
        if (original.success) expect(compiled.data).toStrictEqual(original.data);
        else expect(compiled.error?.issues).toStrictEqual(original.error.issues);
      }),
      { numRuns: 5_000 },
    );
  });

  it("are compiled: a schema zod could not compile would silently keep the slower parser", () => {
    for (const kind of TOPIC_KINDS)
      expect(compiledSchema(MESSAGE_SCHEMAS[kind])).not.toBe(MESSAGE_SCHEMAS[kind]);
  });
});
