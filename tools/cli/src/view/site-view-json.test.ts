import { describe, expect, it } from "vitest";
import { fixtureState } from "../test-support/fold-fixtures.js";
import { FIXTURE_LAYOUT, FIXTURE_NOW } from "../test-support/site-fixtures.js";
import { siteViewJson } from "./site-view-json.js";

describe("siteViewJson", () => {
  it("lists panels in tree order with their parent, messages and health", () => {
    const json = siteViewJson(fixtureState("depot-north", FIXTURE_LAYOUT), FIXTURE_NOW);
    expect(json.panels.map((p) => [p.panel, p.parent])).toEqual([
      ["main-board", null],
      ["panel-a", "main-board"],
      ["panel-b", "main-board"],
    ]);
    expect(json.panels[0]).toMatchObject({ budget: null, status: null });
    expect(json.panels[1]?.health).toEqual({
      statusAgeMs: 4000,
      statusStale: false,
      budgetExpired: false,
      noLeader: false,
    });
    expect(json.panels[2]?.health.statusStale).toBe(true);
    expect(json.panels[2]?.status?.sessions[0]).toMatchObject({ chargerId: "CP-101", reason: "budget" });
    expect(json.at).toBe("2025-03-14T09:30:05.000Z");
  });
});
