import type { PanelBudget } from "@smart-charge/contracts";
import { describe, expect, it } from "vitest";
import { smallSite, statusOf } from "../test-support/site-fixtures.js";
import { EMPTY_STATE, SiteMasterCore } from "./site-master-core.js";

const T0 = Date.parse("2025-03-14T09:00:00Z");
const kwOf = (budgets: PanelBudget[]) => Object.fromEntries(budgets.map((b) => [b.panel, b.totalKw]));

/** Every panel reports, then confirms whatever it was given last. */
function confirmAll(
  core: SiteMasterCore,
  budgets: PanelBudget[],
  demand: Record<string, number>,
  now: number,
) {
  for (const b of budgets)
    core.onStatus(
      statusOf("site-1", b.panel, {
        demandKw: demand[b.panel] ?? 0,
        appliedBudgetSequence: b.sequence,
        budgetKw: b.totalKw,
      }),
      now,
      false,
    );
}

describe("SiteMasterCore", () => {
  it("gives panels that never reported their conservative budget, then divides by demand", () => {
    const core = new SiteMasterCore(smallSite(), EMPTY_STATE, T0);
    const first = core.round(T0, false).budgets;
    // panel-b only feeds b1 and b2: it has no engine of its own and gets no budget.
    expect(kwOf(first)).toEqual({ "panel-a": 5, b1: 5, b2: 5 });
    core.onStatus(statusOf("site-1", "panel-a", { demandKw: 10 }), T0 + 1, false);
    core.onStatus(statusOf("site-1", "b1", { demandKw: 50 }), T0 + 1, false);
    core.onStatus(statusOf("site-1", "b2", { demandKw: 0 }), T0 + 1, false);
    const second = core.round(T0 + 2, false);
    // panel-a wants 10; b1's cars would draw 50 kW, so its 40 kW breaker binds.
    expect(kwOf(second.budgets)).toEqual({ b2: 0, "panel-a": 10, b1: 40 });
    expect(second.budgets.map((b) => b.panel)).toEqual(["b2", "panel-a", "b1"]); // decreases first
  });

  it("keeps sequences rising across rounds and above the clock", () => {
    const core = new SiteMasterCore(smallSite(), { ...EMPTY_STATE, lastSequence: 5 }, T0);
    const sequences = [...core.round(T0, false).budgets, ...core.round(T0 + 10, true).budgets].map(
      (b) => b.sequence,
    );
    expect(sequences[0]).toBe(T0);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it("raises a panel only once the lowered one confirmed", () => {
    const core = new SiteMasterCore(smallSite({ grid: { kw: 90 } }), EMPTY_STATE, T0);
    const demand: Record<string, number> = { "panel-a": 80, b1: 0, b2: 0, "panel-b": 0 };
    for (const [panel, kw] of Object.entries(demand))
      core.onStatus(statusOf("site-1", panel, { demandKw: kw }), T0, false);
    confirmAll(core, core.round(T0, false).budgets, demand, T0 + 1);
    expect(core.round(T0 + 2, false).budgets).toEqual([]);

    // b1 now wants 40 kW of the 90: panel-a must come down from its 60 kW breaker to make room.
    demand["b1"] = 40;
    core.onStatus(statusOf("site-1", "b1", { demandKw: 40, heldBack: true }), T0 + 3, false);
    const lowered = core.round(T0 + 4, false);
    expect(kwOf(lowered.budgets)).toEqual({ "panel-a": 60 - 10 });
    expect(lowered.held).toEqual(["b1"]);
    expect(core.round(T0 + 5, false).budgets).toEqual([]); // still unconfirmed

    const a = lowered.budgets[0] as PanelBudget;
    core.onStatus(
      statusOf("site-1", "panel-a", { demandKw: 80, heldBack: true, appliedBudgetSequence: a.sequence }),
      T0 + 6,
      false,
    );
    expect(kwOf(core.round(T0 + 7, false).budgets)).toEqual({ b1: 40 });
  });

  it("after raiseHoldMs takes a reporting panel's decrease as applied", () => {
    const core = new SiteMasterCore(smallSite({ grid: { kw: 90 } }), EMPTY_STATE, T0);
    const demand: Record<string, number> = { "panel-a": 80, b1: 0, b2: 0, "panel-b": 0 };
    for (const [panel, kw] of Object.entries(demand))
      core.onStatus(statusOf("site-1", panel, { demandKw: kw, heldBack: kw > 0 }), T0, false);
    confirmAll(core, core.round(T0, false).budgets, demand, T0 + 1);
    core.onStatus(statusOf("site-1", "b1", { demandKw: 40, heldBack: true }), T0 + 3, false);
    expect(core.round(T0 + 4, false).held).toEqual(["b1"]);
    // panel-a keeps reporting, but an older engine that never says which budget it applied.
    core.onStatus(statusOf("site-1", "panel-a", { demandKw: 80, heldBack: true }), T0 + 100, false);
    expect(core.round(T0 + 4_000, false).held).toEqual(["b1"]);
    expect(kwOf(core.round(T0 + 5_004, false).budgets)).toEqual({ b1: 40 });
  });

  it("keeps a silent panel's budget until panelSilentAfterMs, then gives it its conservative budget", () => {
    const core = new SiteMasterCore(smallSite(), EMPTY_STATE, T0);
    const demand: Record<string, number> = { "panel-a": 50, b1: 0, b2: 0, "panel-b": 0 };
    for (const [panel, kw] of Object.entries(demand))
      core.onStatus(statusOf("site-1", panel, { demandKw: kw }), T0, false);
    const first = core.round(T0, false).budgets;
    const a = first.find((b) => b.panel === "panel-a");
    // Its budget lapses when it would turn silent, even though the TTL is longer.
    expect(a?.expiresAt).toBe(new Date(T0 + 30_000).toISOString());
    expect(core.round(T0 + 29_999, false).conditions.get("panel-a")).toBe("reporting");
    const silent = core.round(T0 + 30_000, false);
    expect(silent.conditions.get("panel-a")).toBe("silent");
    expect(kwOf(silent.budgets)).toMatchObject({ "panel-a": 5 });
  });

  it("counts a retained status from when it was published, so a long-dead panel is silent at once", () => {
    const core = new SiteMasterCore(smallSite(), EMPTY_STATE, T0);
    core.onStatus(statusOf("site-1", "panel-a", { demandKw: 50, publishedAt: T0 - 3_600_000 }), T0, true);
    expect(core.round(T0, false).conditions.get("panel-a")).toBe("silent");
    expect(core.onStatus(statusOf("site-1", "panel-x", { demandKw: 1 }), T0, false)).toEqual({
      field: "panel",
      message: 'no panel "panel-x" in this site\'s configuration',
    });
  });

  it("subtracts the metered non-EV load at once, and gives it back only after the hold-down", () => {
    const config = smallSite({
      meter: { enabled: true, holdDownMs: 60_000, silentAfterMs: 30_000, fallbackKw: 70 },
    });
    const core = new SiteMasterCore(config, EMPTY_STATE, T0);
    const reading = (kw: number, at: number) =>
      core.onMeter({ site: "site-1", nonEvLoadKw: kw, measuredAt: new Date(at).toISOString() }, at);
    expect(core.round(T0, false).available.w).toBe(30_000); // no reading yet: the fallback
    reading(20, T0 + 1);
    expect(core.round(T0 + 1, false).available.w).toBe(80_000);
    reading(50, T0 + 2);
    expect(core.round(T0 + 2, false).available.w).toBe(50_000); // a rise counts at once
    reading(10, T0 + 10_000);
    expect(core.round(T0 + 10_000, false).available.w).toBe(50_000); // a drop waits
    reading(12, T0 + 29_000);
    expect(core.round(T0 + 57_000, false).available.w).toBe(50_000); // 50 kW is still within the last minute
    reading(11, T0 + 58_000);
    expect(core.round(T0 + 70_001, false).available.w).toBe(88_000); // 12 kW: the highest of the last minute
    expect(core.round(T0 + 88_000, false).available.w).toBe(30_000); // silent meter: the fallback again
  });
});
