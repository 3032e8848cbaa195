import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContractError } from "../errors/contract-error.js";
import { escapeId, unescapeId } from "./escape-id.js";

describe("escapeId", () => {
  it("keeps safe characters and percent-encodes everything else as UTF-8", () => {
    expect(escapeId("CP-017_a.b")).toBe("CP-017_a.b");
    expect(escapeId("CP/1+A#")).toBe("CP%2F1%2BA%23");
    expect(escapeId("$SYS")).toBe("%24SYS");
    expect(escapeId("zähler 1")).toBe("z%C3%A4hler%201");
    expect(escapeId("%41")).toBe("%2541");
  });

  it("refuses ids that cannot be one level and round-trip", () => {
    expect(() => escapeId("", "chargerId")).toThrow(ContractError);
    expect(() => escapeId("", "chargerId")).toThrow(/chargerId: must not be empty/);
    expect(() => escapeId("a\uD800b")).toThrow(/well-formed/);
  });

  it("never produces a separator, wildcard or system prefix", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1, maxLength: 64 }), (id) => {
        expect(escapeId(id)).toMatch(/^(?:[A-Za-z0-9._-]|%[0-9A-F]{2})+$/);
      }),
    );
  });
});

describe("unescapeId", () => {
  it("inverts escapeId for any id", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1, maxLength: 64 }), (id) => {
        expect(unescapeId(escapeId(id))).toBe(id);
      }),
    );
  });

  it("accepts only the canonical spelling of an id", () => {
    expect(unescapeId("CP%2F1")).toBe("CP/1");
    expect(unescapeId("CP%2f1")).toBeNull(); // lower-case hex
    expect(unescapeId("%41")).toBeNull(); // a safe character escaped
    expect(unescapeId("a b")).toBeNull(); // an unsafe character left raw
    expect(unescapeId("%C3")).toBeNull(); // truncated UTF-8
    expect(unescapeId("%")).toBeNull();
    expect(unescapeId("")).toBeNull();
  });
});
