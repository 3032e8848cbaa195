import { describe, expect, it } from "vitest";
import { uniqueId } from "./unique-id.js";

describe("uniqueId", () => {
  it("starts with the prefix and adds only characters safe in topics and keys", () => {
    const id = uniqueId("site");
    expect(id).toMatch(/^site-[a-z0-9]+-[a-z0-9]+$/);
    expect(id.length).toBeLessThanOrEqual("site".length + 16);
  });

  it("never repeats within a process", () => {
    const ids = Array.from({ length: 1000 }, () => uniqueId("t"));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
