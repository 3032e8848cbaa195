import type { TopicMessage } from "@smart-charge/contracts";
import type { Logger } from "pino";
import type { PanelController } from "./core/panel-controller.js";
import type { FailoverStore } from "./failover/failover-store.js";
import { isStale, loggedWithChange } from "./failover/message-digest.js";
import type { Waker } from "./failover/waker.js";
import type { LeaderState } from "./leader-state.js";
import type { PanelMetrics } from "./ops/metrics.js";

/** A store error is retried this many times while the store says it is up, then the message is refused. */
const MAX_HANDLING_FAILURES = 3;

export interface ExactlyOnceDeps {
  leader: LeaderState;
  failover: FailoverStore;
  logger: Logger;
  metrics: PanelMetrics;
  clock: () => number;
  waker: Waker;
  stopped: () => boolean;
  /** The leader's controller, reloaded under `reloadTrigger` when it was dropped; undefined on a standby. */
  leaderController: (reloadTrigger?: string) => Promise<PanelController | undefined>;
  /** Whether an update may take the one-write path (PanelEngine.oneWriteOpen). */
  oneWriteOpen: () => boolean;
  storeReady?: () => boolean;
  /** See PanelEngineDeps.storeConnectionLosses. */
  storeConnectionLosses?: () => number;
}

/**
 * Handles a state-changing message exactly once across the active/standby pair: skipped if the
 * handled-message log has it; handled and logged by the leader; held (not acknowledged) by a standby
 * until the leader logged it or this engine became leader itself. Store errors are retried while the
 * store is down. Resolves true once the message may be acknowledged to the broker.
 */
export class ExactlyOnce {
  constructor(private readonly deps: ExactlyOnceDeps) {}

  async handle(message: TopicMessage, topic: string, digest: string): Promise<boolean> {
    const { logger, metrics, leader, failover } = this.deps;
    let failures = 0;
    let oneWrite = true;
    for (let wait = 2; !this.deps.stopped(); wait = Math.min(wait * 2, 100)) {
      try {
        const now = this.deps.clock();
        if (isStale(message, now)) {
          logger.warn({ event: "stale-message", topic }, "message older than the handled log: dropped");
          return true;
        }
        const controller = await this.deps.leaderController();
        const losses = this.storeLosses();
        if (controller && loggedWithChange(message)) {
          // Check, change and log in one store step: no round trip before the profile goes out.
          const mark = { digest, at: now };
          const fast = oneWrite && this.deps.oneWriteOpen(); // not straight after a takeover mid-wait
          const outcome = await leader.handle(controller, message, topic, { mark, oneWrite: fast });
          await this.reloadIfStoreWasLost(losses);
          if (outcome === "refused") {
            // Again, on state reloaded from the store, asking the store first.
            oneWrite = false;
            await this.deps.leaderController("one-write-refused");
            continue;
          }
          // A refused event never reached the store: log it, so a redelivery is not reported again.
          if (outcome === "rejected") await failover.markHandled(digest, now);
          return true;
        }
        if (await failover.wasHandled(digest)) {
          logger.debug({ event: "duplicate-message", topic, digest }, "already handled: acknowledged");
          return true;
        }
        if (controller) {
          await leader.handle(controller, message, topic);
          await this.reloadIfStoreWasLost(losses);
          await failover.markHandled(digest, now);
          if (failures > 0) logger.info({ event: "handling-resumed", topic, failures }, "handling resumed");
          return true;
        }
      } catch (error) {
        failures += 1;
        metrics.storeErrors.inc();
        leader.invalidate();
        // One line per outage, not one per retry; sce_panel_store_errors_total counts them all.
        if (failures === 1)
          logger.warn(
            { event: "handling-failed", topic, err: error },
            "handling failed; retrying until it works",
          );
        if (failures >= MAX_HANDLING_FAILURES && (this.deps.storeReady?.() ?? true)) {
          return this.giveUp(topic, digest, error);
        }
      }
      await this.deps.waker.sleep(wait);
    }
    return false;
  }

  private storeLosses(): number {
    return this.deps.storeConnectionLosses?.() ?? 0;
  }

  /**
   * A write that was on the wire when the store connection broke may have run twice, its second answer
   * ("already done") saying nothing of this engine's memory: reload it rather than trust it.
   */
  private async reloadIfStoreWasLost(before: number): Promise<void> {
    if (this.storeLosses() === before) return;
    this.deps.leader.invalidate();
    await this.deps.leaderController("store-reconnected");
  }

  /** A message that fails although the store is up would block the panel for good: refuse it, loudly. */
  private async giveUp(topic: string, digest: string, error: unknown): Promise<boolean> {
    if (!(await this.deps.leaderController())) return false;
    const reason = error instanceof Error ? error.message : String(error);
    this.deps.leader.reject("handling-failed", { field: "(root)", message: reason }, topic);
    await this.deps.failover.markHandled(digest, this.deps.clock()).catch(() => undefined);
    return true;
  }
}
