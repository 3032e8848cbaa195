import { createLogger } from "@smart-charge/service-kit";
import { describe, expect, it } from "vitest";
import { PanelMetrics } from "../ops/metrics.js";
import { InMemoryStateSpace } from "../state/in-memory-state-space.js";
import type { FailoverStore } from "./failover-store.js";
import { InMemoryFailoverStore } from "./in-memory-failover-store.js";
import { Leadership, type LossReason } from "./leadership.js";

// Short enough for a quick test, long enough that a busy machine does not lose a lease on its own.
const timing = { leaseTtlMs: 1_000, leaseRenewMs: 100, leaseSafetyMarginMs: 300 };

/** A store that stops answering when told to, as Redis does behind a partition. */
function cuttable(store: FailoverStore): FailoverStore & { cut: boolean } {
  const never = new Promise<never>(() => undefined);
  const wrapped = { cut: false } as FailoverStore & { cut: boolean };
  for (const method of [
    "acquireLease",
    "renewLease",
    "releaseLease",
    "wasHandled",
    "markHandled",
    "failSafeSent",
    "recordFailSafe",
    "forgetFailSafe",
  ] as const) {
    (wrapped as unknown as Record<string, unknown>)[method] = (...args: never[]) =>
      wrapped.cut ? never : (store[method] as (...a: never[]) => Promise<unknown>).apply(store, args);
  }
  return wrapped;
}

function engineLeadership(space: InMemoryStateSpace, clock: () => number = Date.now) {
  const failover = cuttable(new InMemoryFailoverStore({ site: "s", panel: "p", space }));
  const events: (["acquired", number] | ["lost", LossReason])[] = [];
  /** When the latest acquisition and loss happened, taken in the callbacks themselves. */
  const last = { acquiredAt: Number.NaN, lostAt: Number.NaN };
  const waiters: (() => void)[] = [];
  const changed = () => waiters.splice(0).forEach((w) => w());
  let epoch = 0;
  const metrics = new PanelMetrics();
  const leadership = new Leadership({
    failover,
    nextEpoch: async () => (epoch = space.panel("s", "p").epoch += 1),
    timing,
    clock,
    logger: createLogger("test.leadership", "silent"),
    metrics,
    onAcquired: (e) => (events.push(["acquired", e]), (last.acquiredAt = Date.now()), changed()),
    onLost: (reason) => (events.push(["lost", reason]), (last.lostAt = Date.now()), changed()),
  });
  const until = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      const test = () => (check() ? resolve() : waiters.push(test));
      test();
    });
  return { leadership, failover, events, last, metrics, until, epoch: () => epoch };
}

describe("Leadership", () => {
  it("lets one engine lead; its standby takes over with a higher epoch when it stops", async () => {
    const space = new InMemoryStateSpace();
    const a = engineLeadership(space);
    const b = engineLeadership(space);
    await a.leadership.start();
    await b.leadership.start();
    expect([a.leadership.role, b.leadership.role]).toEqual(["leader", "standby"]);
    const started = Date.now();
    await a.leadership.stop();
    await b.until(() => b.leadership.holds());
    expect(Date.now() - started).toBeLessThan(timing.leaseTtlMs); // released: no need to wait for expiry
    const [aEpoch] = a.events.filter(([kind]) => kind === "acquired").map(([, epoch]) => epoch);
    expect(b.events[0]?.[0]).toBe("acquired");
    expect(b.events[0]?.[1]).toBeGreaterThan(aEpoch as number);
    expect(a.events.at(-1)).toEqual(["lost", "released"]);
    expect(await a.metrics.registry.getSingleMetricAsString("sce_panel_takeovers_total")).toMatch(/ 1$/);
    await b.leadership.stop();
  });

  it("stops leading by its own clock when Redis stops answering, before the standby can take over", async () => {
    const space = new InMemoryStateSpace();
    const a = engineLeadership(space);
    const b = engineLeadership(space);
    await a.leadership.start();
    await b.leadership.start();
    a.failover.cut = true;
    const cutAt = Date.now();
    await a.until(() => a.events.at(-1)?.[0] === "lost");
    await b.until(() => b.leadership.holds());
    const deposedAfter = a.last.lostAt - cutAt;
    const takenAfter = b.last.acquiredAt - cutAt;
    expect(a.events.at(-1)).toEqual(["lost", "expired"]);
    // A stopped before the lease could expire in the store; B only got it after it did.
    // The invariant: A stopped before B could start. The bounds are loose for a busy machine.
    expect(b.last.acquiredAt).toBeGreaterThanOrEqual(a.last.lostAt);
    expect(deposedAfter).toBeLessThan(timing.leaseTtlMs);
    expect(takenAfter).toBeLessThan(timing.leaseTtlMs * 2);
    await b.leadership.stop();
    a.failover.cut = false;
    await a.leadership.stop();
  });

  it("never holds on a lease its own clock says may have passed (a leader waking from a pause)", async () => {
    const space = new InMemoryStateSpace();
    let pausedMs = 0;
    const a = engineLeadership(space, () => Date.now() + pausedMs);
    await a.leadership.start();
    expect(a.leadership.holds()).toBe(true);
    pausedMs = timing.leaseTtlMs; // the process slept through its whole lease
    expect(a.leadership.holds()).toBe(false);
    await a.leadership.stop();
  });

  it("steps down even when its expiry timer fires before its clock says the lease has run out", async () => {
    const space = new InMemoryStateSpace();
    let lagMs = 0;
    const a = engineLeadership(space, () => Date.now() - lagMs);
    await a.leadership.start();
    a.failover.cut = true;
    lagMs = 50; // the wall clock now trails the timers, as it can by a millisecond in any process
    await a.until(() => a.events.some(([kind]) => kind === "lost"));
    expect(a.events.at(-1)).toEqual(["lost", "expired"]);
    expect(a.leadership.role).toBe("standby");
    a.failover.cut = false;
    await a.leadership.stop();
  });

  it("counts failed renewals", async () => {
    const space = new InMemoryStateSpace();
    const a = engineLeadership(space);
    await a.leadership.start();
    const before = a.events.length;
    a.failover.cut = true;
    await a.until(() => a.events.slice(before).some(([kind]) => kind === "lost"));
    const failures = await a.metrics.registry.getSingleMetricAsString("sce_panel_lease_renew_failures_total");
    expect(Number(failures.trim().split(" ").at(-1))).toBeGreaterThanOrEqual(1);
    a.failover.cut = false;
    await a.leadership.stop();
  });
});
