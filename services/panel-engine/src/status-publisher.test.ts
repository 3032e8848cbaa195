import type { PanelStatus } from "@smart-charge/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "./config/load-config.js";
import { PanelController } from "./core/panel-controller.js";
import { PanelMetrics } from "./ops/metrics.js";
import { budget, session } from "./state/test-support/state-fixtures.js";
import { StatusPublisher } from "./status-publisher.js";

const config = parseConfig({
  site: "s",
  panel: "p",
  chargers: [1, 2, 3].map((n) => ({ id: `CP-${n}`, phases: 3, maxHardwarePowerKw: 22 })),
  breaker: { kw: 100 },
  safeDefaultBudget: { kw: 10 },
  failSafe: { enabled: false },
  minDwellMs: 0,
  mqtt: { url: "mqtt://x" },
  timing: { statusMinIntervalMs: 250 },
});

/** Session n on charger CP-n. */
const sessionOn = (n: number) =>
  session(`tx-${n}`, { clientId: `CP-${n}`, chargerId: `CP-${n}`, addedAt: n, maxHardwarePowerKw: 22 });

const START = Date.parse("2026-01-01T00:01:00.000Z");

describe("StatusPublisher", () => {
  let published: PanelStatus[];
  let controller: PanelController;
  let statuses: StatusPublisher;

  beforeEach(() => {
    vi.useFakeTimers({ now: START, toFake: ["setTimeout", "clearTimeout", "setImmediate", "Date"] });
    published = [];
    controller = new PanelController(config, 1);
    controller.restore({
      sessions: [],
      rotation: {},
      budget: budget("s", "p", 1),
      commanded: [],
      strategy: null,
    });
    const publisher = { status: (s: PanelStatus) => (published.push(s), true), leaderless: () => undefined };
    statuses = new StatusPublisher({ config, publisher, metrics: new PanelMetrics() });
  });
  afterEach(() => vi.useRealTimers());

  /** A session starts: the panel's state changes, its budget does not. */
  const start = (n: number) => {
    controller.sessions.set(`tx-${n}`, sessionOn(n));
    statuses.schedule(controller, controller.recompute(Date.now()), Date.now());
  };

  it("publishes the first status at once, then at most one per interval with the latest state", () => {
    statuses.schedule(controller, controller.recompute(Date.now()), Date.now());
    vi.advanceTimersToNextTimer(); // the setImmediate after the burst
    expect(published).toHaveLength(1);

    vi.advanceTimersByTime(10);
    start(1);
    start(2);
    start(3);
    vi.advanceTimersByTime(200);
    expect(published).toHaveLength(1); // still within 250 ms of the first
    vi.advanceTimersByTime(50);
    expect(published).toHaveLength(2);
    expect(published[1]?.sessions.map((s) => s.transactionId)).toEqual(["tx-1", "tx-2", "tx-3"]);
  });

  it("publishes a newly applied budget at once: the site-master waits for it to raise other panels", () => {
    statuses.schedule(controller, controller.recompute(Date.now()), Date.now());
    vi.advanceTimersToNextTimer();
    start(1);
    controller.budget = budget("s", "p", 2, 80);
    statuses.schedule(controller, controller.recompute(Date.now()), Date.now());
    vi.advanceTimersToNextTimer();
    expect(published.map((s) => s.appliedBudgetSequence)).toEqual([1, 2]);
    expect(Date.now() - START).toBeLessThan(250);
  });
});
