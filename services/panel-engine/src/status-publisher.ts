import type { PanelStatus } from "@smart-charge/contracts";
import type { PanelEngineConfig } from "./config/config-schema.js";
import type { PanelController, Recomputation } from "./core/panel-controller.js";
import { panelStatus } from "./core/panel-status.js";
import type { EnginePublisher } from "./engine-publisher.js";
import type { PanelMetrics } from "./ops/metrics.js";

export interface StatusPublisherDeps {
  config: PanelEngineConfig;
  publisher: Pick<EnginePublisher, "status" | "leaderless">;
  metrics: PanelMetrics;
}

interface Pending {
  controller: PanelController;
  recomputation: Recomputation;
  now: number;
}

/**
 * Publishes the leader's panel status: at once (after the commands of the burst went out) when the
 * site-master waits for it — a budget newly applied, a new leader — and otherwise at most once per
 * `statusMinIntervalMs`, the latest state winning. A status per session event would cost the command
 * path a 200-entry message build and validation each time, for a reader that divides the grid every
 * few seconds. An unchanged status still goes out once per recompute interval, as a heartbeat.
 */
export class StatusPublisher {
  private last: PanelStatus | undefined;
  private lastKey = "";
  private lastAt = Number.NEGATIVE_INFINITY;
  private pending: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private immediate = false;

  constructor(private readonly deps: StatusPublisherDeps) {}

  schedule(controller: PanelController, recomputation: Recomputation, now: number): void {
    this.pending = { controller, recomputation, now };
    if (this.immediate) return;
    if (this.urgent(controller, recomputation)) {
      this.immediate = true;
      clearTimeout(this.timer);
      this.timer = undefined;
      setImmediate(() => this.flush());
      return;
    }
    if (this.timer !== undefined) return;
    const waitMs = this.lastAt + this.deps.config.timing.statusMinIntervalMs - now;
    if (waitMs <= 0) {
      this.immediate = true;
      setImmediate(() => this.flush());
    } else {
      this.timer = setTimeout(() => this.flush(), waitMs);
    }
  }

  /** After losing the lease by expiry: the last status, naming no leader. */
  leaderless(): void {
    this.stop();
    if (this.last !== undefined) this.deps.publisher.leaderless(this.last);
    this.lastKey = "";
  }

  /** A new controller (takeover, reload): its first status goes out whatever the last one said. */
  reset(): void {
    this.stop();
    this.lastKey = "";
  }

  /** Drops what is pending (the controller it was computed by is gone). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }

  private urgent(controller: PanelController, recomputation: Recomputation): boolean {
    const last = this.last;
    if (last === undefined || last.leader === null) return true;
    if (last.leader.epoch !== controller.epoch) return true;
    const applied = recomputation.appliedBudgetSequence;
    return applied !== undefined && applied !== last.appliedBudgetSequence;
  }

  private flush(): void {
    this.immediate = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (pending !== undefined) this.publish(pending);
  }

  private publish({ controller, recomputation, now }: Pending): void {
    const { config, metrics, publisher } = this.deps;
    const status = panelStatus(controller, recomputation, config.instanceId, now);
    metrics.sessions.set(status.sessions.length);
    metrics.budgetKw.set(status.budgetKw ?? 0);
    metrics.allocatedKw.set(status.allocatedKw);
    metrics.pausedSessions.set(status.sessions.filter((s) => s.reason === "paused").length);
    metrics.usingSafeDefault.set(recomputation.inForce.source === "safe-default" ? 1 : 0);
    const key = JSON.stringify({ ...status, publishedAt: "" });
    // An unchanged status still goes out once per recompute interval: the site-master takes a panel
    // it has not heard from for a while as silent, and reserves only a conservative budget for it.
    if (key === this.lastKey && now - this.lastAt < config.timing.recomputeIntervalMs) return;
    if (publisher.status(status)) {
      this.lastAt = now;
      this.lastKey = key;
      this.last = status;
    }
  }
}
