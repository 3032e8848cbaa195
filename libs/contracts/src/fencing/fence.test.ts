import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFence, isFenced } from "./fence.js";

describe("isFenced", () => {
  it("fences only epochs below the highest seen", () => {
    expect(isFenced(undefined, 0)).toBe(false);
    expect(isFenced(5, 4)).toBe(true);
    expect(isFenced(5, 5)).toBe(false);
    expect(isFenced(5, 6)).toBe(false);
  });

  it("fences anything that is not an epoch", () => {
    for (const epoch of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(isFenced(undefined, epoch), String(epoch)).toBe(true);
    }
  });
});

describe("createFence", () => {
  it("drops a deposed engine's commands after its successor's first one, per charger", () => {
    const fence = createFence();
    expect(fence.admit("CP-1", 7)).toBe(true);
    expect(fence.admit("CP-1", 7)).toBe(true);
    expect(fence.admit("CP-1", 8)).toBe(true);
    expect(fence.admit("CP-1", 7)).toBe(false);
    expect(fence.admit("CP-2", 7)).toBe(true);
    expect(fence.highest("CP-1")).toBe(8);
  });

  it("is not poisoned by an invalid epoch", () => {
    const fence = createFence();
    expect(fence.admit("CP-1", 5)).toBe(true);
    expect(fence.admit("CP-1", Number.NaN)).toBe(false);
    expect(fence.admit("CP-1", 4)).toBe(false);
    expect(fence.highest("CP-1")).toBe(5);
  });

  it("restores from a snapshot, so a restarted bridge still fences", () => {
    const before = createFence();
    before.admit("CP-1", 9);
    const after = createFence(before.snapshot());
    expect(after.admit("CP-1", 8)).toBe(false);
    expect(after.admit("CP-1", 9)).toBe(true);
    expect(createFence({ "CP-1": -3 }).highest("CP-1")).toBeUndefined();
  });

  it("admits exactly the epochs at or above the running maximum", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b"), fc.nat(20))), (commands) => {
        const fence = createFence();
        const highest = new Map<string, number>();
        for (const [charger, epoch] of commands) {
          const expected = epoch >= (highest.get(charger) ?? 0);
          expect(fence.admit(charger, epoch)).toBe(expected);
          if (expected) highest.set(charger, epoch);
        }
      }),
    );
  });
});
