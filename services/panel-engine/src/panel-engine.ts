import {
  decodeTopicMessage,
  subscriptions,
  topics,
  type FieldError,
  type TopicMessage,
} from "@smart-charge/contracts";
import type { MqttClient } from "mqtt";
import type { Logger } from "pino";
import type { PanelEngineConfig } from "./config/config-schema.js";
import { PanelController, type Recomputation } from "./core/panel-controller.js";
import { panelStatus } from "./core/panel-status.js";
import { clearProfilePayload } from "./core/profile-payloads.js";
import { ContractPublisher } from "./io/contract-publisher.js";
import { handleMessage, type HandlerOutcome } from "./message-handlers.js";
import type { PanelMetrics } from "./ops/metrics.js";
import type { PanelStateStore, StoredSession } from "./state/panel-state-store.js";
import { randomUUID } from "node:crypto";

export interface PanelEngineDeps {
  config: PanelEngineConfig;
  store: PanelStateStore;
  mqtt: MqttClient;
  logger: Logger;
  metrics: PanelMetrics;
  clock?: () => number;
}

/**
 * One panel's engine: MQTT in, allocation through the controller, MQTT out, state in the store. Messages
 * are handled one at a time, in order, and acknowledged to the broker only after their effect is stored,
 * so a process killed between two messages loses nothing: the broker redelivers what was not acknowledged.
 */
export class PanelEngine {
  private controller: PanelController | undefined;
  private readonly publisher: ContractPublisher;
  private readonly clock: () => number;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;
  private lastStatus = "";
  private stopped = false;

  constructor(private readonly deps: PanelEngineDeps) {
    this.publisher = new ContractPublisher(deps.mqtt, (error, topic) =>
      deps.logger.error({ event: "publish-failed", topic, err: error }, "publish failed"),
    );
    this.clock = deps.clock ?? Date.now;
  }

  get started(): boolean {
    return this.controller !== undefined && !this.stopped;
  }

  get state(): PanelController | undefined {
    return this.controller;
  }

  async start(): Promise<void> {
    const { config, store, mqtt, logger } = this.deps;
    const [state, epoch] = await Promise.all([store.load(), store.nextEpoch()]);
    const controller = new PanelController(config, epoch);
    controller.restore(state);
    this.controller = controller;
    logger.info(
      {
        event: "state-loaded",
        sessions: state.sessions.length,
        epoch,
        budget: state.budget?.totalKw ?? null,
      },
      "state loaded",
    );
    mqtt.handleMessage = (packet, done) => {
      // A message is acknowledged only once handled. done(error) lets mqtt.js read on without a PUBACK,
      // so after stop() the broker keeps the message for the next engine.
      const payload = typeof packet.payload === "string" ? packet.payload : Buffer.from(packet.payload);
      this.enqueue(() => this.onMessage(packet.topic, payload)).then(
        (handled) =>
          handled ? done() : done(new Error("engine stopping: message left for the next engine")),
        done,
      );
    };
    await mqtt.subscribeAsync(subscriptions.panelEngine(config.site, config.panel), { qos: 1 });
    await this.enqueue(() => this.recomputeAndPublish("start"));
    this.timer = setInterval(
      () => void this.enqueue(() => this.recomputeAndPublish("timer")),
      config.timing.recomputeIntervalMs,
    );
  }

  /** Finishes the message in hand, then stops; the broker keeps anything newer for the next engine. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.holdTimer);
    await this.queue;
  }

  /** Runs tasks one after another; resolves false for a task skipped because the engine is stopping. */
  private enqueue(task: () => Promise<void>): Promise<boolean> {
    const run = this.queue.then(async () => {
      if (this.stopped) return false;
      await task();
      return true;
    });
    this.queue = run.then(
      () => undefined,
      (error: unknown) => this.deps.logger.error({ event: "task-failed", err: error }, "task failed"),
    );
    return run.catch(() => true);
  }

  private async onMessage(topic: string, payload: Buffer | string): Promise<void> {
    const controller = this.controller;
    if (controller === undefined) return;
    const decoded = decodeTopicMessage(topic, payload);
    if (!decoded.ok) return this.reject("invalid-message", decoded.error, topic);
    const outcome = await handleMessage(decoded.value, {
      controller,
      store: this.deps.store,
      now: this.clock(),
    });
    await this.apply(outcome, decoded.value, topic);
  }

  private async apply(outcome: HandlerOutcome, message: TopicMessage, topic: string): Promise<void> {
    switch (outcome.kind) {
      case "ignored":
        this.deps.logger.debug({ event: "ignored", topic, why: outcome.why }, "message ignored");
        return;
      case "rejected":
        return this.reject(outcome.code, outcome.error, topic);
      case "session-stopped":
        this.publishClear(outcome.session);
        return this.recomputeAndPublish(message.kind);
      case "reply":
        this.publisher.publish("operatorResult", outcome.replyTo, outcome.result);
        if (outcome.result.ok) await this.recomputeAndPublish(message.kind);
        return;
      case "changed":
        return this.recomputeAndPublish(message.kind);
    }
  }

  private async recomputeAndPublish(trigger: string): Promise<void> {
    const controller = this.controller;
    if (controller === undefined) return;
    const { metrics, store, config, logger } = this.deps;
    const now = this.clock();
    const endTimer = metrics.recomputeSeconds.startTimer();
    const recomputation = controller.recompute(now);
    endTimer();
    await store.saveRotation(controller.rotation);
    for (const { command, limit, reason } of recomputation.commands) {
      await store.saveCommanded(limit);
      this.publisher.publishCommand(topics.profileCommand(config.site, command.chargerId), command, now);
      metrics.commandsPublished.inc({ action: command.action, reason });
      logger.info(
        {
          event: "profile-sent",
          chargerId: command.chargerId,
          transactionId: limit.transactionId,
          limitW: limit.limitW,
          reason,
          trigger,
        },
        "profile sent",
      );
    }
    this.scheduleHeldRaises(recomputation);
    this.publishStatus(recomputation, now);
  }

  /** Held raises are retried when their blocking decreases pass the hold time, even with no new message. */
  private scheduleHeldRaises(recomputation: Recomputation): void {
    this.deps.metrics.heldRaises.set(recomputation.held.length);
    if (recomputation.held.length === 0 || this.holdTimer !== undefined) return;
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      void this.enqueue(() => this.recomputeAndPublish("hold-expired"));
    }, this.deps.config.timing.raiseHoldMs + 1);
  }

  private publishStatus(recomputation: Recomputation, now: number): void {
    const controller = this.controller;
    if (controller === undefined) return;
    const { config, metrics } = this.deps;
    const status = panelStatus(controller, recomputation, config.instanceId, now);
    metrics.sessions.set(status.sessions.length);
    metrics.budgetKw.set(status.budgetKw ?? 0);
    metrics.allocatedKw.set(status.allocatedKw);
    metrics.pausedSessions.set(status.sessions.filter((s) => s.reason === "paused").length);
    metrics.usingSafeDefault.set(recomputation.inForce.source === "safe-default" ? 1 : 0);
    const key = JSON.stringify({ ...status, publishedAt: "" });
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.publisher.publish("panelStatus", topics.panelStatus(config.site, config.panel), status);
  }

  private publishClear(session: StoredSession): void {
    const { config, metrics } = this.deps;
    const now = this.clock();
    this.publisher.publishCommand(
      topics.profileCommand(config.site, session.chargerId),
      {
        messageId: randomUUID(),
        site: config.site,
        panel: config.panel,
        chargerId: session.chargerId,
        connectorId: session.connectorId,
        action: "ClearChargingProfile",
        ocppVersion: session.ocppVersion,
        payload: clearProfilePayload(session.ocppVersion, session.connectorId),
        epoch: this.controller?.epoch ?? 0,
        issuedAt: new Date(now).toISOString(),
      },
      now,
    );
    metrics.commandsPublished.inc({ action: "ClearChargingProfile", reason: "stopped" });
  }

  private reject(code: string, error: FieldError, topic: string): void {
    const { config, logger, metrics } = this.deps;
    metrics.messagesRejected.inc({ code });
    logger.warn(
      { event: "message-rejected", code, field: error.field, reason: error.message, topic },
      "message rejected",
    );
    const source = `panel-engine.${config.panel}`;
    this.publisher.publish("error", topics.error(config.site, source), {
      source,
      code,
      error,
      topic,
      at: new Date(this.clock()).toISOString(),
    });
  }
}
