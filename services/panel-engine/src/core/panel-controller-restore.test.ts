import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import type { StoredSession } from "../state/panel-state-store.js";
import { PanelController } from "./panel-controller.js";

const config = parseConfig({
  site: "s",
  panel: "p",
  chargers: [
    { id: "CP-1", phases: 3, maxHardwarePowerKw: 22 },
    { id: "CP-2", phases: 3, maxHardwarePowerKw: 22 },
  ],
  breaker: { kw: 50 },
  safeDefaultBudget: { kw: 10 },
  failSafe: { enabled: false },
  minDwellMs: 0,
  mqtt: { url: "mqtt://x" },
  timing: { raiseHoldMs: 5_000 },
});

const session = (n: number): StoredSession => ({
  transactionId: `tx-${n}`,
  clientId: `CP-${n}`,
  chargerId: `CP-${n}`,
  connectorId: 1,
  ocppVersion: "1.6",
  phases: 3,
  panelPhases: ["L1", "L2", "L3"],
  priority: 1,
  addedAt: n,
  maxHardwarePowerKw: 22,
});

describe("PanelController.restore after a takeover", () => {
  it("assumes an unconfirmed limit's charger may still draw its most, so no raise goes out on it", () => {
    const now = 100_000;
    const controller = new PanelController(config, 2);
    controller.restore({
      sessions: [session(1), session(2)],
      rotation: {},
      budget: { site: "s", panel: "p", totalKw: 30, sequence: 1, issuedAt: new Date(now).toISOString() },
      // The old leader stored CP-1's decrease to 15 kW and died, maybe before it was even published.
      commanded: [
        {
          transactionId: "tx-1",
          chargerId: "CP-1",
          connectorId: 1,
          limitW: 15_000,
          messageId: "m1",
          sentAt: now - 1_000,
          acknowledged: false,
        },
      ],
      strategy: null,
    });
    const first = controller.recompute(now);
    expect(first.commands.map((c) => [c.limit.transactionId, c.reason])).toEqual([["tx-1", "refresh"]]);
    expect(first.held).toEqual(["tx-2"]);
    // Once the bridge confirms CP-1 at 15 kW, CP-2 gets the rest.
    const refresh = first.commands[0]?.command.messageId ?? "";
    expect(controller.onResult(refresh, true)).toBe("tx-1");
    expect(controller.recompute(now + 10).commands.map((c) => c.limit.transactionId)).toEqual(["tx-2"]);
  });
});
