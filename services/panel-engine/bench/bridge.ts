/**
 * The bench's side of MQTT: plays the OCPP bridges of a site (sends session events, receives profile
 * commands and, for our engine, answers each one Accepted at once) and timestamps each command the moment
 * mqtt.js hands it over. Lean on purpose: it shares the event loop with the engine under test.
 */
import {
  decodeMessage,
  encodeMessage,
  MESSAGE_SCHEMAS,
  subscriptions,
  topicPattern,
  topics,
  type PanelStatus,
} from "@smart-charge/contracts";
import { connectClient, endClient } from "@smart-charge/test-infra";
import type { MqttClient } from "mqtt";
import { withTimeout } from "../src/failover/with-timeout.js";

export interface Arrival {
  /** process.hrtime.bigint() when the 'message' event fired. */
  readonly at: bigint;
  readonly payload: Buffer;
}

export class BenchBridge {
  /** Profile commands received so far (all chargers). */
  commandsSeen = 0;
  /** The latest panel status, decoded only when read (the bench must not add work while measuring). */
  get status(): PanelStatus | undefined {
    if (this.rawStatus !== undefined) {
      const decoded = decodeMessage(MESSAGE_SCHEMAS.panelStatus, this.rawStatus);
      if (decoded.ok) this.decodedStatus = decoded.value;
      this.rawStatus = undefined;
    }
    return this.decodedStatus;
  }
  private rawStatus: Buffer | undefined;
  private decodedStatus: PanelStatus | undefined;
  private readonly expected = new Map<string, (arrival: Arrival) => void>();
  private readonly waiters = new Set<() => void>();
  private errorWaiter: (() => void) | undefined;

  private constructor(
    readonly client: MqttClient,
    readonly site: string,
    private readonly answer: boolean,
  ) {
    client.on("message", (topic, payload) => {
      const at = process.hrtime.bigint();
      if (topic.endsWith("/commands")) this.onCommand(topic, payload, at);
      else if (topic.includes("/errors/")) {
        const waiter = this.errorWaiter;
        this.errorWaiter = undefined;
        waiter?.();
      } else if (topic.endsWith("/status") && payload.length > 0) this.rawStatus = payload;
      for (const waiter of [...this.waiters]) waiter();
    });
  }

  /** `answer`: reply Accepted to every command (our engine waits for results; the seed has none). */
  static async start(url: string, site: string, answer: boolean): Promise<BenchBridge> {
    const client = await connectClient(url, { reconnectPeriod: 0 });
    // As our services do (service-kit), so the comparison is of engines, not of Nagle's algorithm.
    (client.stream as { setNoDelay?: (on: boolean) => unknown }).setNoDelay?.(true);
    await client.subscribeAsync(
      [
        subscriptions.bridge(site)[0] ?? "",
        topicPattern("error", { site }),
        topicPattern("panelStatus", { site }),
      ],
      { qos: 1 },
    );
    return new BenchBridge(client, site, answer);
  }

  /** Resolves with the next command published on `topic`; register it before sending the event. */
  expectCommand(topic: string): Promise<Arrival> {
    return new Promise((resolve) => this.expected.set(topic, resolve));
  }

  /** Publishes at QoS 1 without waiting for the PUBACK (the clock is already running). */
  send(topic: string, body: string, retain = false): void {
    this.client.publish(topic, body, { qos: 1, retain });
  }

  /** Resolves on the next error report (the engine's answer to a barrier message). */
  nextError(): Promise<void> {
    return new Promise((resolve) => (this.errorWaiter = resolve));
  }

  /** Resolves once `check()` holds, re-checked on every message received. */
  until(check: () => boolean, ms: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    let waiter = (): void => undefined;
    const done = new Promise<void>((resolve) => {
      waiter = () => {
        if (check()) resolve();
      };
      this.waiters.add(waiter);
    });
    return withTimeout(done, ms, what).finally(() => this.waiters.delete(waiter));
  }

  /** Resolves once no command has arrived for `quietMs`. */
  async quiet(quietMs: number): Promise<void> {
    for (let seen = -1; seen !== this.commandsSeen;) {
      seen = this.commandsSeen;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  async close(retainedTopics: readonly string[]): Promise<void> {
    for (const topic of retainedTopics) await this.client.publishAsync(topic, "", { qos: 1, retain: true });
    await endClient(this.client);
  }

  private onCommand(topic: string, payload: Buffer, at: bigint): void {
    this.commandsSeen += 1;
    const resolve = this.expected.get(topic);
    if (resolve !== undefined) {
      this.expected.delete(topic);
      resolve({ at, payload });
    }
    if (!this.answer) return;
    const command = JSON.parse(payload.toString("utf8")) as { messageId: string; chargerId: string };
    const result = encodeMessage(MESSAGE_SCHEMAS.commandResult, {
      messageId: command.messageId,
      chargerId: command.chargerId,
      status: "Accepted",
      at: new Date().toISOString(),
    });
    this.client.publish(topics.commandResult(this.site, command.chargerId), result, { qos: 1 });
  }
}
