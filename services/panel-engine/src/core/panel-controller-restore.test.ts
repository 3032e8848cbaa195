import { describe, expect, it } from "vitest";
import { controllerConfig, storedSession } from "../test-support/controller-fixtures.js";
import { PanelController } from "./panel-controller.js";

const config = controllerConfig(2, 22, 5_000);
const session = (n: number) => storedSession(n, 22);

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
