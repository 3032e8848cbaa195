import fc from "fast-check";
import type { DivisionInput, PanelNeed } from "../core/divide-site.js";
import { phaseAmps, type Limit } from "../core/limits.js";
import type { PanelNode } from "../core/panel-tree.js";

const kw = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((x) => x * 100);
const amps = fc.option(
  fc.tuple(
    fc.integer({ min: 0, max: 400 }),
    fc.integer({ min: 0, max: 400 }),
    fc.integer({ min: 0, max: 400 }),
  ),
  { nil: undefined },
);
const limit = (maxKw: number): fc.Arbitrary<Limit> =>
  fc
    .record({ w: kw(maxKw).map((w) => w + 1_000), a: amps })
    .map(({ w, a }) => (a === undefined ? { w } : { w, amps: { L1: a[0], L2: a[1], L3: a[2] } }));

interface FlatPanel {
  parent: number;
  breaker: Limit;
  priority: number;
  fixedW: number | undefined;
  conservativeW: number;
}

const flatPanel = fc.record({
  parent: fc.nat(),
  breaker: limit(200),
  priority: fc.integer({ min: 1, max: 3 }),
  fixedW: fc.option(kw(40), { nil: undefined }),
  conservativeW: kw(20),
});

/** Builds a tree from a flat list: each panel's parent is an earlier panel (or the grid, -1). */
function toTree(flat: FlatPanel[]): PanelNode[] {
  const children: PanelNode[][] = flat.map(() => []);
  const roots: PanelNode[] = [];
  for (let i = flat.length - 1; i >= 0; i--) {
    const f = flat[i] as FlatPanel;
    const node: PanelNode = {
      id: `p${i}`,
      breaker: f.breaker,
      priority: f.priority,
      // Fixed budgets exist on leaves only, as the site file requires.
      fixedW: (children[i] ?? []).length === 0 ? f.fixedW : undefined,
      conservativeW: Math.min(f.conservativeW, f.breaker.w),
      hasEngine: true,
      children: (children[i] ?? []).reverse(),
    };
    const parent = f.parent % (i + 1); // == i means "on the grid"
    if (parent === i) roots.push(node);
    else children[parent]?.push(node);
  }
  return roots.reverse();
}

const need: fc.Arbitrary<PanelNeed> = fc
  .record({
    lo: kw(30),
    extra: fc.option(kw(150), { nil: undefined }),
    reserved: fc.option(kw(20), { nil: undefined }),
  })
  .map(({ lo, extra, reserved }) => ({
    loW: reserved ?? lo,
    hiW: reserved ?? (extra === undefined ? Infinity : lo + extra),
    reservedW: reserved ?? 0,
  }));

/** A random site: up to 14 panels in a tree of any shape, random needs, caps and grid. */
export const divisionInput: fc.Arbitrary<DivisionInput> = fc
  .array(fc.tuple(flatPanel, need, fc.option(limit(150), { freq: 4, nil: undefined })), {
    minLength: 1,
    maxLength: 14,
  })
  .chain((panels) =>
    fc
      .record({
        available: limit(600),
        voltageV: fc.constantFrom(230, 240, 120),
      })
      .map(({ available, voltageV }) => {
        const tree = toTree(panels.map(([flat]) => flat));
        const needs = new Map(panels.map(([, n], i) => [`p${i}`, n] as const));
        const caps = new Map(
          panels.flatMap(([, , cap], i) => (cap === undefined ? [] : [[`p${i}`, cap] as const])),
        );
        return { panels: tree, available, needs, caps, voltageV };
      }),
  );

export { phaseAmps };
