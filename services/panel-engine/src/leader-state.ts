import type { RotationState } from "@smart-charge/allocation";
import { randomUUID } from "node:crypto";
import type { FieldError, TopicMessage } from "@smart-charge/contracts";
import type { Logger } from "pino";
import type { PanelEngineConfig } from "./config/config-schema.js";
import { PanelController, type Recomputation } from "./core/panel-controller.js";
import { clearProfilePayload } from "./core/profile-payloads.js";
import type { EnginePublisher } from "./engine-publisher.js";
import type { FailSafeProfiles } from "./failover/fail-safe-profiles.js";
import { handleMessage, type HandlerOutcome, type PendingUpdate } from "./message-handlers.js";
import type { PanelMetrics } from "./ops/metrics.js";
import type { HandledMark, PanelStateStore, StoredSession } from "./state/panel-state-store.js";
import { StatusPublisher } from "./status-publisher.js";

export interface LeaderStateDeps {
  config: PanelEngineConfig;
  store: PanelStateStore;
  logger: Logger;
  metrics: PanelMetrics;
  clock: () => number;
  publisher: EnginePublisher;
  failSafe: FailSafeProfiles;
  /** Queues a recompute (timers call it; the engine runs it in its task queue). */
  schedule: (trigger: string) => void;
}

/**
 * What only the leader has: the controller loaded from the store for its epoch, and the publishing of
 * what the controller decides. `ensure` loads it (on a takeover, or after anything that may have left it
 * out of step with the store) and republishes every profile; `invalidate` forces that on the next call.
 */
export class LeaderState {
  controller: PanelController | undefined;
  /**
   * The rotation as last written. allocate() hands back the same object when no session switched
   * between charging and waiting, so comparing references tells whether there is anything to write.
   */
  private savedRotation: RotationState | undefined;
  private readonly status: StatusPublisher;
  private timer: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;
  private recomputePending = false;

  constructor(private readonly deps: LeaderStateDeps) {
    this.status = new StatusPublisher(deps);
  }

  /**
   * Every load republishes every limit, also within the same epoch: after a failed or foreign write the
   * store may hold limits that never reached a charger, and only a resend makes them true.
   */
  async ensure(epoch: number, trigger: string): Promise<PanelController> {
    const current = this.controller;
    if (current !== undefined && current.epoch === epoch) return current;
    const { config, store, logger, metrics, failSafe } = this.deps;
    const [state] = await Promise.all([store.load(), failSafe.load()]);
    const controller = new PanelController(config, epoch);
    controller.restore(state);
    this.savedRotation = controller.rotation;
    this.status.reset();
    metrics.resyncs.inc({ trigger });
    logger.info(
      {
        event: "state-loaded",
        trigger,
        epoch,
        sessions: state.sessions.length,
        budget: state.budget?.totalKw ?? null,
      },
      "state loaded",
    );
    this.controller = controller;
    await this.recomputeAndPublish(controller, trigger);
    return controller;
  }

  invalidate(): void {
    this.controller = undefined;
    this.status.stop();
  }

  startTimer(): void {
    this.timer = setInterval(() => this.deps.schedule("timer"), this.deps.config.timing.recomputeIntervalMs);
  }

  stopTimers(): void {
    clearInterval(this.timer);
    clearTimeout(this.holdTimer);
    this.status.stop();
  }

  /**
   * Handles one message. `mark` logs a session event as handled with its change (see HandledMark);
   * `oneWrite` lets an update go out after a single store write. "refused": that write found the event
   * already handled or the session gone, so nothing was stored or sent and this state was dropped; the
   * caller handles the message again the slower way, on state reloaded from the store.
   */
  async handle(
    controller: PanelController,
    message: TopicMessage,
    topic: string,
    options: { mark?: HandledMark; oneWrite?: boolean } = {},
  ): Promise<HandlerOutcome["kind"] | "fail-safe-result" | "refused"> {
    const now = this.deps.clock();
    if (message.kind === "sessionEvent") {
      const failSafe = await this.deps.failSafe.due(message.message.chargerId, controller.epoch, now);
      if (failSafe) this.deps.publisher.command(failSafe, "fail-safe");
    }
    if (message.kind === "commandResult" && (await this.deps.failSafe.onResult(message.message)))
      return "fail-safe-result";
    try {
      const outcome = await handleMessage(message, { controller, store: this.deps.store, now, ...options });
      const stored = await this.apply(controller, outcome, message, topic);
      return stored ? outcome.kind : "refused";
    } catch (error) {
      // A store write failed part-way (the controller may already count its commands as sent, or hold
      // a change the store does not): reload before anything else is decided.
      this.invalidate();
      throw error;
    }
  }

  /** False only when a pending update could not be stored (see handle). */
  private async apply(
    controller: PanelController,
    outcome: HandlerOutcome,
    message: TopicMessage,
    topic: string,
  ): Promise<boolean> {
    switch (outcome.kind) {
      case "ignored":
        this.deps.logger.debug({ event: "ignored", topic, why: outcome.why }, "message ignored");
        return true;
      case "rejected":
        this.reject(outcome.code, outcome.error, topic);
        return true;
      case "session-stopped":
        this.publishClear(controller, outcome.session);
        return this.recomputeAndPublish(controller, message.kind);
      case "reply":
        this.deps.publisher.reply(outcome.replyTo, outcome.result);
        if (outcome.result.ok) await this.recomputeAndPublish(controller, message.kind);
        return true;
      case "changed":
        return this.recomputeAndPublish(controller, message.kind, outcome.write);
      case "confirmed":
        this.recomputeSoon(message.kind);
        return true;
    }
  }

  /**
   * Recomputes, stores the limits (with `write`, the update that led to them, in the same step), then
   * publishes them. False, with nothing published and this state dropped, if `write` was refused.
   */
  async recomputeAndPublish(
    controller: PanelController,
    trigger: string,
    write?: PendingUpdate,
  ): Promise<boolean> {
    const { metrics, store, logger, publisher, clock } = this.deps;
    const now = clock();
    const endTimer = metrics.recomputeSeconds.startTimer();
    const recomputation = controller.recompute(now);
    endTimer();
    // The limits are stored before they are published, so a restarted engine knows what chargers were told.
    const rotation = controller.rotation;
    const rotationChanged = rotation !== this.savedRotation;
    const limits = recomputation.commands.map((c) => c.limit);
    try {
      if (write !== undefined) {
        const rotationArg = rotationChanged ? { rotation } : {};
        const stored = await store.updateAndCommand({ ...write, limits, ...rotationArg });
        if (stored !== "stored") {
          this.invalidate();
          logger.info({ event: "one-write-refused", why: stored, trigger }, "update not stored: reloading");
          return false;
        }
        this.savedRotation = rotation;
      } else if (limits.length > 0 || rotationChanged) {
        await store.saveCommanded(limits, rotationChanged ? rotation : undefined);
        this.savedRotation = rotation;
      }
    } catch (error) {
      // Also reached from timers, outside handle(): the controller already counts these commands as
      // sent (a decrease "in force" after the hold time) and would raise others on one never sent.
      this.invalidate();
      throw error;
    }
    for (const { command, limit, reason } of recomputation.commands) {
      if (!publisher.command(command, reason)) continue;
      logger.info(
        {
          event: "profile-sent",
          chargerId: command.chargerId,
          transactionId: limit.transactionId,
          limitW: limit.limitW,
          epoch: command.epoch,
          reason,
          trigger,
        },
        "profile sent",
      );
    }
    this.scheduleHeldRaises(recomputation);
    // After the commands: the status is for the site-master and operators, not on the command's path.
    this.status.schedule(controller, recomputation, now);
    return true;
  }

  /**
   * After a grid-limit change every charger confirms at about the same time: one recompute after the
   * burst of confirmations the engine has in hand, not one per confirmation.
   */
  private recomputeSoon(trigger: string): void {
    if (this.recomputePending) return;
    this.recomputePending = true;
    setImmediate(() => {
      this.recomputePending = false;
      this.deps.schedule(trigger);
    });
  }

  /** Held raises are retried when their blocking decreases pass the hold time, even with no new message. */
  private scheduleHeldRaises(recomputation: Recomputation): void {
    this.deps.metrics.heldRaises.set(recomputation.held.length);
    if (recomputation.held.length === 0 || this.holdTimer !== undefined) return;
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      this.deps.schedule("hold-expired");
    }, this.deps.config.timing.raiseHoldMs + 1);
  }

  /** After losing the lease by expiry: the last status, naming no leader. */
  publishLeaderless(): void {
    this.status.leaderless();
  }

  private publishClear(controller: PanelController, session: StoredSession): void {
    const { config, clock, publisher } = this.deps;
    const now = clock();
    publisher.command(
      {
        messageId: randomUUID(),
        site: config.site,
        panel: config.panel,
        chargerId: session.chargerId,
        connectorId: session.connectorId,
        action: "ClearChargingProfile",
        ocppVersion: session.ocppVersion,
        payload: clearProfilePayload(session.ocppVersion, session.connectorId),
        epoch: controller.epoch,
        issuedAt: new Date(now).toISOString(),
      },
      "stopped",
    );
  }

  reject(code: string, error: FieldError, topic: string): void {
    const { logger, metrics, publisher } = this.deps;
    metrics.messagesRejected.inc({ code });
    logger.warn(
      { event: "message-rejected", code, field: error.field, reason: error.message, topic },
      "message rejected",
    );
    publisher.error(code, error, topic);
  }
}
