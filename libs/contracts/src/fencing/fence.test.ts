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

  it("fences a deposed engine on every charger of its panel once its successor spoke to one", () => {
    const fence = createFence();
    expect(fence.admitCommand({ panel: "A", chargerId: "CP-1", epoch: 4 })).toBe(true);
    expect(fence.admitCommand({ panel: "A", chargerId: "CP-2", epoch: 5 })).toBe(true); // the new leader
    // The old leader's command for CP-1, which the new leader has not commanded yet: dropped all the same.
    expect(fence.admitCommand({ panel: "A", chargerId: "CP-1", epoch: 4 })).toBe(false);
    expect(fence.admit("CP-1", 4)).toBe(true); // the per-charger check alone would have let it through
    // Epochs are counted per panel: another panel's lower epoch is not fenced.
    expect(fence.admitCommand({ panel: "B", chargerId: "CP-9", epoch: 1 })).toBe(true);
    expect(fence.highestOfPanel("A")).toBe(5);
  });

  it("restores the panels' epochs from their snapshot too", () => {
    const before = createFence();
    before.admitCommand({ panel: "A", chargerId: "CP-1", epoch: 9 });
    const after = createFence(before.snapshot(), before.snapshotPanels());
    expect(after.admitCommand({ panel: "A", chargerId: "CP-2", epoch: 8 })).toBe(false);
    expect(after.admitCommand({ panel: "A", chargerId: "CP-2", epoch: 9 })).toBe(true);
    expect(createFence({}, { A: Number.NaN }).highestOfPanel("A")).toBeUndefined();
  });

  it("admitCommand drops exactly what is below the running maximum of its charger or its panel", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("A", "B"), fc.constantFrom("c1", "c2", "c3"), fc.nat(20))),
        (commands) => {
          const fence = createFence();
          const charger = new Map<string, number>();
          const panel = new Map<string, number>();
          for (const [p, c, epoch] of commands) {
            const expected = epoch >= (charger.get(c) ?? 0) && epoch >= (panel.get(p) ?? 0);
            expect(fence.admitCommand({ panel: p, chargerId: c, epoch })).toBe(expected);
            if (expected) {
              charger.set(c, epoch);
              panel.set(p, epoch);
            }
          }
        },
      ),
    );
  });
});
