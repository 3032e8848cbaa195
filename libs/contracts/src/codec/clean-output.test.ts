import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCleanOutput } from "./clean-output.js";
import { firstNonJsonValue } from "./json-safe.js";
import { firstDroppedKey } from "./unknown-fields.js";

/** An "output" as parsing makes it: a copy of the input with some keys dropped and some objects kept as they are. */
function parsedLike(value: unknown, drop: (key: string) => boolean, keep: boolean): unknown {
  if (keep || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => parsedLike(item, drop, false));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (!drop(key)) copy[key] = parsedLike(item, drop, false);
  return copy;
}

const values = fc.oneof(
  fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, () => 1, 1n, Symbol("s")),
);
const objects = fc.dictionary(
  fc.string({ maxLength: 3 }),
  fc.oneof(values, fc.array(values, { maxLength: 3 })),
);

describe("isCleanOutput", () => {
  it("is never true when one of the exact walks would name a field", () => {
    fc.assert(
      fc.property(objects, fc.string({ maxLength: 1 }), fc.boolean(), (input, dropped, keep) => {
        const output = parsedLike(input, (key) => key.startsWith(dropped) && dropped !== "", keep);
        const problem = firstDroppedKey(input, output) !== null || firstNonJsonValue(output) !== null;
        if (problem) expect(isCleanOutput(input, output)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("is true for a clean message, so the exact walks are skipped", () => {
    const input = { a: 1, b: [{ c: "x", d: undefined }], e: { f: null } };
    expect(isCleanOutput(input, { a: 1, b: [{ c: "x" }], e: { f: null } })).toBe(true);
  });

  it("finds a non-JSON value below an object parsing kept as it was", () => {
    const payload = { limits: [1, Number.NaN] };
    expect(isCleanOutput({ payload }, { payload })).toBe(false);
    expect(isCleanOutput({ payload: { limits: [1] } }, { payload: { limits: [1] } })).toBe(true);
  });
});
