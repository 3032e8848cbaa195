import { describe, expect, it } from "vitest";
import { controllerConfig, storedSession } from "../test-support/controller-fixtures.js";
import { PanelController } from "./panel-controller.js";

const CHARGERS = 3;
const config = controllerConfig(CHARGERS, 10, 60_000);
const session = (n: number) => storedSession(n, 10);

const budget = (totalKw: number, sequence: number, now: number) => ({
  site: "s",
  panel: "p",
  totalKw,
  sequence,
  issuedAt: new Date(now).toISOString(),
});

describe("PanelController after a lower budget", () => {
  it("waits for the last charger's confirmation before recomputing to report the budget applied", () => {
    const now = 100_000;
    const controller = new PanelController(config, 1);
    for (let n = 1; n <= CHARGERS; n++) controller.sessions.set(`tx-${n}`, session(n));
    controller.budget = budget(30, 1, now);
    const first = controller.recompute(now);
    for (const { command } of first.commands) controller.onResult(command.messageId, true);
    expect(first.appliedBudgetSequence).toBe(1);

    // The site-master lowers the budget: every charger is told 5 kW instead of 10.
    controller.budget = budget(15, 2, now + 1_000);
    const lowered = controller.recompute(now + 1_000);
    expect(lowered.commands.map((c) => c.limit.limitW)).toEqual([5_000, 5_000, 5_000]);
    expect(lowered.appliedBudgetSequence).toBe(1);

    const confirmations = lowered.commands.map(({ command }) => {
      controller.onResult(command.messageId, true);
      return controller.awaitsConfirmation();
    });
    expect(confirmations).toEqual([false, false, true]);
    expect(controller.recompute(now + 1_100).appliedBudgetSequence).toBe(2);
    expect(controller.awaitsConfirmation()).toBe(false);
  });
});
