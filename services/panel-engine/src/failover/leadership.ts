import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { LeaseTiming } from "../config/lease-timing.js";
import type { PanelMetrics } from "../ops/metrics.js";
import type { FailoverStore } from "./failover-store.js";
import { LeaseClock } from "./lease-clock.js";
import { withTimeout } from "./with-timeout.js";

export type LossReason = "expired" | "taken" | "released";

export interface LeadershipDeps {
  failover: FailoverStore;
  /** A fresh fencing epoch (Redis INCR), taken on every acquisition. */
  nextEpoch: () => Promise<number>;
  timing: LeaseTiming;
  clock: () => number;
  logger: Logger;
  metrics: PanelMetrics;
  onAcquired: (epoch: number) => void;
  onLost: (reason: LossReason) => void;
}

/**
 * Runs for the engine's whole life: as standby it tries to take the lease every `leaseRenewMs`; as
 * leader it renews it as often. Leadership ends when a renewal is refused (taken), when the local lease
 * clock runs out before a renewal got through (expired: Redis down or slow, or this process paused), or
 * on stop (released). Lease calls time out, so a hanging Redis never hides that the lease ran out.
 */
export class Leadership {
  readonly token = randomUUID();
  private readonly lease: LeaseClock;
  private leader = false;
  private timer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();
  private stopped = false;
  /** A standby that cannot reach the lease logs it once, not on every attempt. */
  private unreachable = false;
  epoch = 0;

  constructor(private readonly deps: LeadershipDeps) {
    this.lease = new LeaseClock(deps.timing.leaseTtlMs, deps.timing.leaseSafetyMarginMs);
  }

  /** Whether this engine may publish now: leader, and its lease cannot have expired by its own clock. */
  holds(): boolean {
    return this.leader && this.lease.holds(this.deps.clock());
  }

  get role(): "leader" | "standby" {
    return this.leader ? "leader" : "standby";
  }

  /** Starts competing for the lease; resolves once the first attempt decided this engine's role. */
  start(): Promise<void> {
    this.tick = this.attempt().finally(() => this.schedule(this.deps.timing.leaseRenewMs));
    return this.tick;
  }

  /** Stops trying; a leader releases the lease so its standby takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.expiryTimer);
    await this.tick;
    if (!this.leader) return;
    this.lose("released");
    await withTimeout(this.deps.failover.releaseLease(this.token), 1_000, "lease release").catch(
      (error: unknown) =>
        this.deps.logger.warn({ event: "lease-release-failed", err: error }, "could not release lease"),
    );
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick = this.attempt().finally(() => this.schedule(this.deps.timing.leaseRenewMs));
    }, delayMs);
  }

  private async attempt(): Promise<void> {
    const { failover, timing, clock, logger, metrics } = this.deps;
    const requestedAt = clock();
    const callTimeout = Math.max(timing.leaseRenewMs, (timing.leaseTtlMs - timing.leaseSafetyMarginMs) / 2);
    const renewing = this.leader;
    try {
      if (renewing) {
        const renewed = await withTimeout(
          failover.renewLease(this.token, timing.leaseTtlMs),
          callTimeout,
          "lease renewal",
        );
        if (renewed) this.granted(requestedAt);
        else this.lose("taken");
        return;
      }
      const acquired = await withTimeout(
        failover.acquireLease(this.token, timing.leaseTtlMs),
        callTimeout,
        "lease",
      );
      this.unreachable = false;
      if (!acquired) return;
      const epoch = await withTimeout(this.deps.nextEpoch(), callTimeout, "epoch");
      if (this.stopped) return;
      this.leader = true;
      this.epoch = epoch;
      this.granted(requestedAt);
      metrics.isLeader.set(1);
      metrics.takeovers.inc();
      logger.info({ event: "lease-acquired", epoch }, "lease acquired: now leader");
      this.deps.onAcquired(epoch);
    } catch (error) {
      if (!renewing) {
        if (!this.unreachable)
          logger.warn({ event: "lease-unreachable", err: error }, "cannot reach the lease; still standby");
        this.unreachable = true;
        return;
      }
      metrics.leaseRenewFailures.inc();
      logger.warn({ event: "lease-renew-failed", err: error }, "lease renewal failed");
      if (!this.lease.holds(clock())) this.lose("expired");
    }
  }

  private granted(requestedAt: number): void {
    this.lease.granted(requestedAt);
    // Steps down the moment the local lease runs out, even while a renewal is still hanging.
    this.armExpiry();
  }

  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    if (!this.leader) return;
    // Timers run on a monotonic clock and may fire a millisecond before `clock()` agrees the lease has
    // run out: re-arm rather than stay "leader" on a lease that nobody renews any more.
    this.expiryTimer = setTimeout(
      () => {
        if (!this.leader) return;
        if (this.lease.holds(this.deps.clock())) this.armExpiry();
        else this.lose("expired");
      },
      Math.max(1, this.lease.remainingMs(this.deps.clock())),
    );
  }

  private lose(reason: LossReason): void {
    if (!this.leader) return;
    this.leader = false;
    this.lease.revoked();
    clearTimeout(this.expiryTimer);
    this.deps.metrics.isLeader.set(0);
    this.deps.metrics.leaseLost.inc({ reason });
    this.deps.logger.warn({ event: "lease-lost", reason, epoch: this.epoch }, `lease lost (${reason})`);
    this.deps.onLost(reason);
  }
}
