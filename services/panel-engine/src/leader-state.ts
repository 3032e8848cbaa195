import type { RotationState } from "@smart-charge/allocation";
import { randomUUID } from "node:crypto";
import type { FieldError, PanelStatus, TopicMessage } from "@smart-charge/contracts";
import type { Logger } from "pino";
import type { PanelEngineConfig } from "./config/config-schema.js";
import { PanelController, type Recomputation } from "./core/panel-controller.js";
import { panelStatus } from "./core/panel-status.js";
import { clearProfilePayload } from "./core/profile-payloads.js";
import type { EnginePublisher } from "./engine-publisher.js";
import type { FailSafeProfiles } from "./failover/fail-safe-profiles.js";
import { handleMessage, type HandlerOutcome } from "./message-handlers.js";
import type { PanelMetrics } from "./ops/metrics.js";
import type { HandledMark, PanelStateStore, StoredSession } from "./state/panel-state-store.js";

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
  private lastStatus: PanelStatus | undefined;
  private lastStatusKey = "";
  private lastStatusAt = Number.NEGATIVE_INFINITY;
  private pendingStatus: { recomputation: Recomputation; now: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: LeaderStateDeps) {}

  async ensure(epoch: number, trigger: string): Promise<PanelController> {
    const current = this.controller;
    if (current !== undefined && current.epoch === epoch) return current;
    const { config, store, logger, metrics, failSafe } = this.deps;
    const [state] = await Promise.all([store.load(), failSafe.load()]);
    const controller = new PanelController(config, epoch);
    controller.restore(state);
    this.savedRotation = controller.rotation;
    this.lastStatusKey = "";
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
  }

  startTimer(): void {
    this.timer = setInterval(() => this.deps.schedule("timer"), this.deps.config.timing.recomputeIntervalMs);
  }

  stopTimers(): void {
    clearInterval(this.timer);
    clearTimeout(this.holdTimer);
  }

  /** Handles one message; `mark` logs a session event as handled with its change (see HandledMark). */
  async handle(
    controller: PanelController,
    message: TopicMessage,
    topic: string,
    mark?: HandledMark,
  ): Promise<HandlerOutcome["kind"] | "fail-safe-result"> {
    const now = this.deps.clock();
    if (message.kind === "sessionEvent") {
      const failSafe = await this.deps.failSafe.due(message.message.chargerId, controller.epoch, now);
      if (failSafe) this.deps.publisher.command(failSafe, "fail-safe");
    }
    if (message.kind === "commandResult" && (await this.deps.failSafe.onResult(message.message)))
      return "fail-safe-result";
    const context = { controller, store: this.deps.store, now, ...(mark && { mark }) };
    const outcome = await handleMessage(message, context);
    await this.apply(controller, outcome, message, topic);
    return outcome.kind;
  }

  private async apply(
    controller: PanelController,
    outcome: HandlerOutcome,
    message: TopicMessage,
    topic: string,
  ): Promise<void> {
    switch (outcome.kind) {
      case "ignored":
        this.deps.logger.debug({ event: "ignored", topic, why: outcome.why }, "message ignored");
        return;
      case "rejected":
        return this.reject(outcome.code, outcome.error, topic);
      case "session-stopped":
        this.publishClear(controller, outcome.session);
        return this.recomputeAndPublish(controller, message.kind);
      case "reply":
        this.deps.publisher.reply(outcome.replyTo, outcome.result);
        if (outcome.result.ok) await this.recomputeAndPublish(controller, message.kind);
        return;
      case "changed":
        return this.recomputeAndPublish(controller, message.kind);
    }
  }

  async recomputeAndPublish(controller: PanelController, trigger: string): Promise<void> {
    const { metrics, store, logger, publisher, clock } = this.deps;
    const now = clock();
    const endTimer = metrics.recomputeSeconds.startTimer();
    const recomputation = controller.recompute(now);
    endTimer();
    // The limits are stored before they are published, so a restarted engine knows what chargers were told.
    const rotation = controller.rotation;
    const rotationChanged = rotation !== this.savedRotation;
    if (recomputation.commands.length > 0 || rotationChanged) {
      await store.saveCommanded(
        recomputation.commands.map((c) => c.limit),
        rotationChanged ? rotation : undefined,
      );
      this.savedRotation = rotation;
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
    this.scheduleStatus(controller, recomputation, now);
  }

  /**
   * The status is built after the profile commands went out, once per burst of messages: it is for the
   * site-master and operators, and must not delay the next charger's command.
   */
  private scheduleStatus(controller: PanelController, recomputation: Recomputation, now: number): void {
    const first = this.pendingStatus === undefined;
    this.pendingStatus = { recomputation, now };
    if (!first) return;
    setImmediate(() => {
      const pending = this.pendingStatus;
      this.pendingStatus = undefined;
      if (pending !== undefined && this.controller === controller)
        this.publishStatus(controller, pending.recomputation, pending.now);
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

  private publishStatus(controller: PanelController, recomputation: Recomputation, now: number): void {
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
    if (key === this.lastStatusKey && now - this.lastStatusAt < config.timing.recomputeIntervalMs) return;
    if (publisher.status(status)) {
      this.lastStatusAt = now;
      this.lastStatusKey = key;
      this.lastStatus = status;
    }
  }

  /** After losing the lease by expiry: the last status, naming no leader. */
  publishLeaderless(): void {
    if (this.lastStatus !== undefined) this.deps.publisher.leaderless(this.lastStatus);
    this.lastStatusKey = "";
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
