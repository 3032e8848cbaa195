import { decodeTopicMessage, subscriptions } from "@smart-charge/contracts";
import type { MqttClient } from "mqtt";
import type { Logger } from "pino";
import type { PanelEngineConfig } from "./config/config-schema.js";
import type { PanelController } from "./core/panel-controller.js";
import { EnginePublisher } from "./engine-publisher.js";
import { FailSafeProfiles } from "./failover/fail-safe-profiles.js";
import type { FailoverStore } from "./failover/failover-store.js";
import { InMemoryFailoverStore } from "./failover/in-memory-failover-store.js";
import { Leadership, type LossReason } from "./failover/leadership.js";
import { ExactlyOnce } from "./exactly-once.js";
import { handledOnce, messageDigest } from "./failover/message-digest.js";
import { LeaderState } from "./leader-state.js";
import type { PanelMetrics } from "./ops/metrics.js";
import type { PanelStateStore } from "./state/panel-state-store.js";
import { TaskQueue } from "./task-queue.js";
import { Waker } from "./failover/waker.js";

export interface PanelEngineDeps {
  config: PanelEngineConfig;
  store: PanelStateStore;
  mqtt: MqttClient;
  logger: Logger;
  metrics: PanelMetrics;
  clock?: () => number;
  /**
   * Lease, handled-message log and fail-safe memory shared with the standby (Redis in production).
   * Default: a private in-memory one, i.e. a sole engine that always leads.
   */
  failover?: FailoverStore;
  /** False while the store cannot be reached: handling waits instead of giving up on a message. */
  storeReady?: () => boolean;
  /**
   * Counts lost store connections. ioredis resends a command that was on the wire when the connection
   * broke, so a write may run twice and answer "already done" of its own first run: after a loss during
   * a message, the leader's memory is reloaded from the store rather than trusted.
   */
  storeConnectionLosses?: () => number;
  /** How long after taking the lead or reconnecting updates ask the store first. Default: leaseTtlMs. */
  oneWriteAfterMs?: number;
}

/**
 * One panel's engine: MQTT in, allocation through the controller, MQTT out, state in the store. Messages
 * are handled one at a time, in order, and acknowledged to the broker only once their effect is stored
 * (by this engine as leader, or by the leader as a standby sees in the handled-message log), so a process
 * killed between two messages loses nothing: the broker redelivers what was not acknowledged.
 */
export class PanelEngine {
  private readonly queue: TaskQueue;
  private readonly clock: () => number;
  private readonly failover: FailoverStore;
  private readonly leadership: Leadership;
  private readonly leader: LeaderState;
  private readonly waker = new Waker();
  private readonly once: ExactlyOnce;
  private stopped = false;
  private subscribed = false;
  /** When this engine last became leader or reconnected to the broker (see oneWriteOpen). */
  private settledSince = Number.POSITIVE_INFINITY;

  constructor(private readonly deps: PanelEngineDeps) {
    this.clock = deps.clock ?? Date.now;
    const { config, logger, metrics, store } = deps;
    this.failover =
      deps.failover ??
      new InMemoryFailoverStore({ site: config.site, panel: config.panel, clock: this.clock });
    this.queue = new TaskQueue(logger);
    this.leadership = new Leadership({
      failover: this.failover,
      nextEpoch: () => store.nextEpoch(),
      timing: config.timing,
      clock: this.clock,
      logger,
      metrics,
      onAcquired: () => {
        this.settledSince = this.clock();
        this.waker.wake();
        void this.queue.run(() => this.leaderController());
      },
      onLost: (reason) => this.onLeaseLost(reason),
    });
    const publisher = new EnginePublisher(deps.mqtt, config, logger, metrics, this.clock, () =>
      this.leadership.holds(),
    );
    this.leader = new LeaderState({
      ...deps,
      clock: this.clock,
      publisher,
      failSafe: new FailSafeProfiles(config, this.failover),
      schedule: (trigger) => void this.queue.run(() => this.recompute(trigger)),
    });
    this.once = new ExactlyOnce({
      ...deps,
      clock: this.clock,
      leader: this.leader,
      failover: this.failover,
      waker: this.waker,
      stopped: () => this.stopped,
      leaderController: (trigger) => this.leaderController(trigger),
      oneWriteOpen: () => this.oneWriteOpen(),
    });
    deps.mqtt.handleMessage = (packet, done) => {
      // Acknowledged only once handled. done(error) lets mqtt.js read on without a PUBACK, so after
      // stop() the broker keeps the message for the next engine.
      const payload = typeof packet.payload === "string" ? packet.payload : Buffer.from(packet.payload);
      this.queue
        .run(() => this.onMessage(packet.topic, payload))
        .then((ack) => (ack === true ? done() : done(new Error("not handled: left at the broker"))), done);
    };
    // A broker that restarted may have lost what was published to it: the leader republishes.
    deps.mqtt.on("connect", () => {
      this.settledSince = this.clock();
      if (this.subscribed) void this.queue.run(() => this.resyncIfLeader("mqtt-reconnected"));
    });
  }

  /** True once start() finished and until stop(): the engine leads or stands by. */
  get started(): boolean {
    return this.subscribed && !this.stopped;
  }

  get role(): "leader" | "standby" {
    return this.leadership.holds() ? "leader" : "standby";
  }

  /**
   * Competes for the lease, then subscribes. The lease comes first: on a persistent session the broker
   * delivers what it kept the moment the connection is made, and mqtt.js reads nothing else (not even
   * the SUBACK) until the message in hand is handled, which needs to know who leads.
   */
  async start(): Promise<void> {
    const { config, mqtt } = this.deps;
    await this.leadership.start();
    if (this.leadership.holds()) await this.queue.run(() => this.leaderController());
    const chargerIds = config.chargers.map((c) => c.id);
    await mqtt.subscribeAsync(subscriptions.panelEngine(config.site, config.panel, chargerIds), { qos: 1 });
    this.subscribed = true;
    this.leader.startTimer();
  }

  /** Finishes the message in hand, releases the lease, then stops; the broker keeps the rest. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waker.wake();
    this.leader.stopTimers();
    await this.queue.drain(5_000);
    await this.leadership.stop();
  }

  private async onMessage(topic: string, payload: Buffer | string): Promise<boolean> {
    if (this.stopped) return false;
    const decoded = decodeTopicMessage(topic, payload);
    if (!decoded.ok) {
      // Only the leader reports: the standby heard the same message.
      if (await this.leaderController()) this.leader.reject("invalid-message", decoded.error, topic);
      return true;
    }
    const message = decoded.value;
    if (!handledOnce(message, this.deps.config)) {
      const controller = await this.leaderController();
      if (controller) await this.leader.handle(controller, message, topic);
      return true;
    }
    return this.once.handle(message, topic, messageDigest(topic, payload));
  }

  /**
   * Whether an update may take the one-write path. Right after a takeover or a reconnect the engine
   * works through messages the previous leader may have handled; those take the path that asks the
   * store first, as a refused one-write would cost a reload each time.
   */
  private oneWriteOpen(): boolean {
    const afterMs = this.deps.oneWriteAfterMs ?? this.deps.config.timing.leaseTtlMs;
    return this.clock() - this.settledSince >= afterMs;
  }

  /** The leader's controller, taking over (reload, republish) on a new epoch; undefined when standby. */
  private async leaderController(reloadTrigger = "takeover"): Promise<PanelController | undefined> {
    if (this.stopped || !this.leadership.holds()) return undefined;
    return this.leader.ensure(this.leadership.epoch, reloadTrigger);
  }

  private async recompute(trigger: string): Promise<void> {
    const controller = await this.leaderController();
    if (controller) await this.leader.recomputeAndPublish(controller, trigger);
  }

  private async resyncIfLeader(trigger: string): Promise<void> {
    this.leader.invalidate();
    const controller = await this.leaderController(trigger);
    if (controller)
      this.deps.logger.info({ event: "resynced", trigger }, "state reloaded, profiles republished");
  }

  private onLeaseLost(reason: LossReason): void {
    this.leader.invalidate();
    // Taken: the new leader already speaks for the panel. Expired: nobody may hold it (Redis is away),
    // so the status must not keep naming this engine.
    if (reason === "expired" && !this.stopped) this.leader.publishLeaderless();
  }
}
