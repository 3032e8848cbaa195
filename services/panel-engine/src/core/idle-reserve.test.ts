import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import { withIdleReserve } from "./idle-reserve.js";

const config = (reserveForIdleChargers: boolean) =>
  parseConfig({
    site: "s",
    panel: "p",
    chargers: [
      { id: "CP-1", phases: 3 },
      { id: "CP-2", phases: 1, panelPhases: ["L2"] },
    ],
    breaker: { kw: 50 },
    safeDefaultBudget: { kw: 9.2 },
    failSafe: { reserveForIdleChargers },
    mqtt: { url: "mqtt://x" },
  });

describe("withIdleReserve", () => {
  const budget = { totalKw: 30, phaseAmps: { L1: 40, L2: 40, L3: 40 } };

  it("sets every idle charger's fail-safe aside, on the conductors it is wired to", () => {
    const left = withIdleReserve(budget, config(true), new Set(["CP-1"]));
    // CP-2 is idle: 4.6 kW on L2 alone (20 A at 230 V).
    expect(left.totalKw).toBeCloseTo(25.4, 9);
    expect(left.phaseAmps).toEqual({ L1: 40, L2: 20, L3: 40 });
  });

  it("reserves nothing when every charger is busy, or when the option is off", () => {
    expect(withIdleReserve(budget, config(true), new Set(["CP-1", "CP-2"]))).toEqual(budget);
    expect(withIdleReserve(budget, config(false), new Set())).toEqual(budget);
  });
});
