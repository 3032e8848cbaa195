import { topics } from "@smart-charge/contracts";
import { describe, expect, it } from "vitest";
import { fixtureState, foldAll, received } from "../test-support/fold-fixtures.js";
import { budget, status } from "../test-support/site-fixtures.js";
import { applySiteViewEvent, emptySiteViewState, MAX_ERRORS } from "./site-view-state.js";

const site = "depot-north";

describe("folding contract messages into the site view", () => {
  it("keeps each panel's latest budget and status", () => {
    const state = fixtureState(site);
    expect(Object.keys(state.panels).sort()).toEqual(["panel-a", "panel-b"]);
    expect(state.panels["panel-a"]?.budget?.totalKw).toBe(22);
    expect(state.panels["panel-a"]?.status?.sessions).toHaveLength(4);
    expect(state.panels["panel-b"]?.status?.strategy).toBe("PRIORITY");
  });

  it("ignores a late redelivery of an older budget or status", () => {
    const start = foldAll(emptySiteViewState(site), [
      received(topics.panelBudget(site, "p"), budget(site, "p", 30, { sequence: 9 })),
      received(
        topics.panelStatus(site, "p"),
        status(site, "p", { allocatedKw: 5, publishedAt: "2025-03-14T09:30:02Z" }),
      ),
    ]);
    const after = foldAll(start, [
      received(topics.panelBudget(site, "p"), budget(site, "p", 50, { sequence: 8 })),
      received(
        topics.panelStatus(site, "p"),
        status(site, "p", { allocatedKw: 9, publishedAt: "2025-03-14T09:30:01Z" }),
      ),
    ]);
    expect(after).toBe(start);
    const newer = applySiteViewEvent(
      start,
      received(topics.panelBudget(site, "p"), budget(site, "p", 20, { sequence: 10 })),
    );
    expect(newer.panels["p"]?.budget?.totalKw).toBe(20);
  });

  it("ignores messages of another site", () => {
    const state = emptySiteViewState(site);
    const other = received(topics.panelBudget("elsewhere", "p"), budget("elsewhere", "p", 30));
    expect(applySiteViewEvent(state, other)).toBe(state);
  });

  it("forgets a panel whose retained budget and status were both cleared", () => {
    let state = fixtureState(site);
    state = applySiteViewEvent(state, { type: "cleared", kind: "panelStatus", panel: "panel-b" });
    expect(state.panels["panel-b"]?.status).toBeUndefined();
    expect(state.panels["panel-b"]?.budget?.totalKw).toBe(11);
    state = applySiteViewEvent(state, { type: "cleared", kind: "panelBudget", panel: "panel-b" });
    expect(state.panels["panel-b"]).toBeUndefined();
  });

  it("keeps only the latest error reports and refused messages", () => {
    const reports = Array.from({ length: MAX_ERRORS + 2 }, (_, i) =>
      received(topics.error(site, "bridge-1"), {
        source: "bridge-1",
        code: "offline",
        error: { field: "chargerId", message: `CP-${i} offline` },
        at: "2025-03-14T09:30:00Z",
      }),
    );
    const state = foldAll(emptySiteViewState(site), [
      ...reports,
      {
        type: "refused",
        topic: topics.panelStatus(site, "p"),
        error: { field: "(json)", message: "not JSON" },
      },
    ]);
    expect(state.errors.map((e) => e.error.message)).toEqual([
      "CP-2 offline",
      "CP-3 offline",
      "CP-4 offline",
      "CP-5 offline",
      "CP-6 offline",
    ]);
    expect(state.refused).toEqual([
      { topic: "sce/v1/depot-north/panels/p/status", error: { field: "(json)", message: "not JSON" } },
    ]);
    expect(Object.keys(state.panels)).toEqual([]);
  });
});
