import {
  decodeTopicMessage,
  subscriptions,
  topicPattern,
  topics,
  type FieldError,
  type OperatorResult,
  type TopicMessage,
} from "@smart-charge/contracts";
import type { SiteConfig } from "@smart-charge/site-config";
import type { IPublishPacket, MqttClient } from "mqtt";
import type { Logger } from "pino";
import { applyCommand, type SiteMasterCommand } from "./core/operator-commands.js";
import { SiteMasterCore } from "./core/site-master-core.js";
import { ContractPublisher } from "@smart-charge/service-kit";
import {
  isSiteMasterCommandTopic,
  replyRoute,
  salvageEnvelope,
  type ReplyRoute,
} from "./io/operator-reply.js";
import type { SiteMetrics } from "./ops/metrics.js";
import { publishRound } from "./publish-round.js";
import type { SiteStateStore } from "./state/site-state-store.js";
import { SiteStoreWriter } from "./state/site-store-writer.js";

export const ERROR_SOURCE = "site-master";

export interface SiteMasterDeps {
  config: SiteConfig;
  store: SiteStateStore;
  mqtt: MqttClient;
  logger: Logger;
  metrics: SiteMetrics;
  clock?: () => number;
}

/**
 * The site-master's wiring: MQTT in, decisions by the core, budgets out, settings in the store. Messages
 * and timer rounds run one at a time, in order; a message is acknowledged only once handled.
 */
export class SiteMaster {
  private core: SiteMasterCore | undefined;
  private readonly publisher: ContractPublisher;
  private readonly writer: SiteStoreWriter;
  private readonly clock: () => number;
  private queue: Promise<void>;
  private markLoaded: () => void = () => undefined;
  private markSettled: () => void = () => undefined;
  private dividing = false;
  /** The division scheduled for the end of a burst of statuses, until it starts. */
  private statusRound: Promise<boolean> | undefined;
  /** Operator answers waiting for the store to take the command's setting. */
  private readonly answering = new Set<Promise<void>>();
  private stopped = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: SiteMasterDeps) {
    this.clock = deps.clock ?? Date.now;
    this.publisher = new ContractPublisher(deps.mqtt, (error, topic) =>
      deps.logger.error({ event: "publish-failed", topic, err: error }, "publish failed"),
    );
    this.writer = new SiteStoreWriter(deps.store, deps.logger, deps.metrics);
    this.queue = new Promise((resolve) => (this.markLoaded = resolve));
    deps.mqtt.handleMessage = (packet, done) => {
      this.enqueue(() => this.onMessage(packet)).then(
        (handled) => (handled ? done() : done(new Error("site-master stopping: message left at the broker"))),
        done,
      );
    };
  }

  get started(): boolean {
    return this.dividing && !this.stopped;
  }

  async start(): Promise<void> {
    const { config, store, mqtt, logger } = this.deps;
    const restored = await store.load();
    this.core = new SiteMasterCore(config, restored, this.clock());
    logger.info(
      { event: "state-loaded", sequence: restored.lastSequence, budgets: restored.budgets.length },
      "state loaded",
    );
    const settled = new Promise<void>((resolve) => (this.markSettled = resolve));
    this.markLoaded();
    await mqtt.subscribeAsync(
      // Our own retained budgets too: after a restart they say what may still be in force.
      [...subscriptions.siteMaster(config.site), topicPattern("panelBudget", { site: config.site })],
      { qos: 1 },
    );
    // Panels' retained status arrives right after subscribing; dividing before it would first drop every
    // panel to its conservative budget.
    const settleTimer = setTimeout(() => this.markSettled(), config.timing.startupSettleMs);
    await settled;
    clearTimeout(settleTimer);
    this.dividing = true;
    await this.enqueue(() => this.round("start", true));
    const { timing } = config;
    this.timers.push(
      setInterval(() => void this.enqueue(() => this.round("republish", true)), timing.republishIntervalMs),
    );
    // Silence, expiry, hold times and the meter's hold-down change budgets without any message.
    const checkMs = Math.max(50, Math.min(1_000, timing.raiseHoldMs / 4, timing.panelSilentAfterMs / 4));
    this.timers.push(setInterval(() => void this.enqueue(() => this.round("timer", false)), checkMs));
  }

  /** Finishes the task in hand, then stops; newer messages stay at the broker. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.markSettled();
    for (const timer of this.timers) clearInterval(timer);
    await this.queue;
    await Promise.all(this.answering);
  }

  /**
   * Resolves once every message and round queued so far, a division they scheduled and the answers to
   * operator commands among them have run.
   */
  async whenIdle(): Promise<void> {
    await this.statusRound;
    await this.queue;
    await Promise.all(this.answering);
  }

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

  private async onMessage(packet: IPublishPacket): Promise<void> {
    const core = this.core;
    if (core === undefined) return;
    const payload = typeof packet.payload === "string" ? packet.payload : Buffer.from(packet.payload);
    const decoded = decodeTopicMessage(packet.topic, payload);
    if (!decoded.ok) {
      if (isSiteMasterCommandTopic(packet.topic)) {
        const envelope = salvageEnvelope(payload);
        if (envelope !== null)
          this.reply(replyRoute(this.deps.config.site, packet, envelope.replyTo), {
            requestId: envelope.requestId,
            ok: false,
            error: decoded.error,
            at: new Date(this.clock()).toISOString(),
          });
      }
      return this.reject("invalid-message", decoded.error, packet.topic);
    }
    await this.handle(decoded.value, packet, core);
  }

  private async handle(message: TopicMessage, packet: IPublishPacket, core: SiteMasterCore): Promise<void> {
    const now = this.clock();
    switch (message.kind) {
      case "panelStatus": {
        const problem = core.onStatus(message.message, now, packet.retain);
        if (problem !== null) return this.reject("unknown-panel", problem, packet.topic);
        if (core.allReported()) this.markSettled();
        return this.roundAfterStatuses();
      }
      case "siteMeter":
        if (!this.deps.config.meter.enabled)
          return this.deps.logger.debug({ event: "ignored", topic: packet.topic }, "no meter configured");
        if (!core.onMeter(message.message, now))
          return this.deps.logger.info({ event: "stale-meter-reading" }, "meter reading too old; ignored");
        return this.round("meter", false);
      case "panelBudget":
        core.rememberBudget(message.message);
        return;
      case "setGridLimit":
      case "setSafetyMargin":
      case "setPanelBudgetCap":
        return this.onCommand(
          { kind: message.kind, message: message.message } as SiteMasterCommand,
          packet,
          core,
        );
      default:
        this.deps.logger.debug({ event: "ignored", topic: packet.topic }, "not for the site-master");
    }
  }

  private async onCommand(
    command: SiteMasterCommand,
    packet: IPublishPacket,
    core: SiteMasterCore,
  ): Promise<void> {
    const { config, logger, metrics } = this.deps;
    const outcome = applyCommand(command, config, core.overrides, this.clock());
    const route = replyRoute(config.site, packet, command.message.replyTo);
    if (outcome.overrides === undefined) {
      metrics.commands.inc({ kind: command.kind, outcome: "rejected" });
      this.reply(route, outcome.result);
      if (outcome.result.error) this.reject("invalid-command", outcome.result.error, packet.topic);
      return;
    }
    // In force even when it cannot be stored now: a lower limit must not wait for Redis.
    core.overrides = outcome.overrides;
    const storing = this.writer.overrides(outcome.overrides);
    await this.round(command.kind, false);
    // The answer waits for the store (at most half a second, SiteStoreWriter), the queue does not.
    const answered = storing.then((stored) => {
      const result: OperatorResult = stored
        ? outcome.result
        : { ...outcome.result, applied: { ...outcome.result.applied, stored: false } };
      const clamped = outcome.result.applied?.["clamped"] !== undefined;
      metrics.commands.inc({ kind: command.kind, outcome: clamped ? "clamped" : "accepted" });
      logger.info(
        {
          event: "operator-command",
          kind: command.kind,
          requestId: command.message.requestId,
          applied: result.applied,
        },
        "operator command applied",
      );
      this.reply(route, result);
    });
    this.answering.add(answered);
    void answered.finally(() => this.answering.delete(answered));
  }

  /**
   * Panels report in bursts (every engine answers a budget change at about the same moment): one division
   * once the statuses already received are read, not one per status. The next message is handed over only
   * after this one is acknowledged, in the next tick, so setImmediate runs after the burst.
   */
  private roundAfterStatuses(): void {
    this.statusRound ??= new Promise((resolve) => setImmediate(resolve)).then(() =>
      this.enqueue(() => {
        this.statusRound = undefined;
        return this.round("status", false);
      }),
    );
  }

  private reply(route: ReplyRoute, result: OperatorResult): void {
    this.publisher.publish("operatorResult", route.topic, result, {
      correlationData: route.correlationData ?? Buffer.from(result.requestId, "utf8"),
      contentType: "application/json",
      payloadFormatIndicator: true,
    });
  }

  private async round(trigger: string, republish: boolean): Promise<void> {
    const core = this.core;
    if (core === undefined || !this.dividing) return;
    this.writer.retry();
    await publishRound({
      ...this.deps,
      writer: this.writer,
      core,
      publisher: this.publisher,
      now: this.clock(),
      trigger,
      republish,
    });
  }

  private reject(code: string, error: FieldError, topic: string): void {
    const { config, logger, metrics } = this.deps;
    metrics.messagesRejected.inc({ code });
    logger.warn(
      { event: "message-rejected", code, field: error.field, reason: error.message, topic },
      "message rejected",
    );
    this.publisher.publish("error", topics.error(config.site, ERROR_SOURCE), {
      source: ERROR_SOURCE,
      code,
      error,
      topic,
      at: new Date(this.clock()).toISOString(),
    });
  }
}
