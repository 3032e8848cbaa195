import { topics } from "@smart-charge/contracts";
import { describe, expect, it } from "vitest";
import { fixtureState, received } from "../test-support/fold-fixtures.js";
import { budget, FIXTURE_LAYOUT, FIXTURE_NOW, status } from "../test-support/site-fixtures.js";
import { renderTree } from "./render-tree.js";
import { applySiteViewEvent, emptySiteViewState } from "./site-view-state.js";

const site = "depot-north";
const text = (lines: string[]) => `${lines.join("\n")}\n`;

describe("renderTree", () => {
  it("draws panels as the site configuration nests them, with sessions and reasons (golden)", async () => {
    const lines = renderTree(fixtureState(site, FIXTURE_LAYOUT), { now: FIXTURE_NOW, width: 100 });
    await expect(text(lines)).toMatchFileSnapshot("golden/tree-100-columns.txt");
  });

  it("wraps panel lines and cuts session lines on a narrow terminal (golden)", async () => {
    const lines = renderTree(fixtureState(site, FIXTURE_LAYOUT), { now: FIXTURE_NOW, width: 50 });
    await expect(text(lines)).toMatchFileSnapshot("golden/tree-50-columns.txt");
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(50);
  });

  it("lists panels without a site configuration flat, by id, and ages them with the clock", () => {
    const lines = renderTree(fixtureState(site), { now: FIXTURE_NOW + 60_000, width: 120 });
    expect(lines.filter((l) => /^panel-/.test(l)).map((l) => l.split(" ")[0])).toEqual([
      "panel-a",
      "panel-b",
    ]);
    expect(lines.join("\n")).toContain("STALE: updated 64 s ago");
    expect(lines[0]).toBe(
      "Site depot-north · 2 panels · 5 sessions · 29.3 kW allocated · 2025-03-14 09:31:05 UTC",
    );
  });

  it("flags an expired budget, a missing leader and a fail-safe budget in force", () => {
    const state = [
      received(topics.panelBudget(site, "p"), budget(site, "p", 30, { expiresAt: "2025-03-14T09:30:02Z" })),
      received(topics.panelStatus(site, "p"), status(site, "p", { leader: null, budgetKw: 8 })),
    ].reduce(applySiteViewEvent, emptySiteViewState(site));
    const tree = renderTree(state, { now: FIXTURE_NOW, width: 200 }).join("\n");
    expect(tree).toContain("p  budget 30.0 kW  (8.0 kW in force)  BUDGET EXPIRED 3 s ago");
    expect(tree).toContain("NO ACTIVE ENGINE");
  });

  it("says so when nothing was heard, and lists error reports and refused messages", () => {
    let state = emptySiteViewState(site);
    expect(renderTree(state, { now: FIXTURE_NOW, width: 120 })[2]).toBe(
      "No panel of site depot-north has published a budget or status yet.",
    );
    state = applySiteViewEvent(
      state,
      received(topics.error(site, "panel-engine.panel-a"), {
        source: "panel-engine.panel-a",
        code: "invalid-message",
        error: { field: "maxHardwarePowerKw", message: "must be ≥ 0" },
        at: "2025-03-14T09:29:58Z",
      }),
    );
    state = applySiteViewEvent(state, {
      type: "refused",
      topic: topics.panelStatus(site, "panel-c"),
      error: { field: "allocatedKw", message: "Too small: expected number to be >=0" },
    });
    expect(renderTree(state, { now: FIXTURE_NOW, width: 120 }).slice(3)).toEqual([
      "",
      "Recent errors reported on the site:",
      "  09:29:58 panel-engine.panel-a invalid-message: maxHardwarePowerKw: must be ≥ 0",
      "",
      "Messages that broke the contract (not shown above):",
      "  sce/v1/depot-north/panels/panel-c/status: allocatedKw: Too small: expected number to be >=0",
    ]);
  });
});
