import type { IPublishPacket, MqttClient } from "mqtt";
import {
  describeReceived,
  recordedMessage,
  type MessagePredicate,
  type RecordedMessage,
} from "./recorded-message.js";
import { PendingWait } from "./pending-wait.js";
import { topicMatchesFilter } from "./topic-filter.js";

export interface WaitOptions {
  /** A failure guard, not a delay: the wait resolves as soon as the message arrives. Default 5000. */
  timeoutMs?: number;
  /** Names what was awaited in the timeout error, e.g. "budget with sequence 3". */
  description?: string;
}

const anyMessage: MessagePredicate = () => true;

/** Records every message an mqtt.js client receives on one topic filter, and waits for them by event. */
export class MessageRecorder {
  private readonly received: RecordedMessage[] = [];
  private readonly waits = new Set<PendingWait>();
  private stopped = false;

  private constructor(
    private readonly client: MqttClient,
    readonly filter: string,
  ) {}

  /** Subscribes `client` to `filter` and resolves once the broker granted it (SUBACK). */
  static async start(client: MqttClient, filter: string, qos: 0 | 1 | 2 = 1): Promise<MessageRecorder> {
    // Listen before subscribing: retained messages can arrive right behind the SUBACK.
    const recorder = MessageRecorder.listening(client, filter);
    const granted = await client.subscribeAsync(filter, { qos });
    if (granted.some((grant) => grant.qos === 128)) {
      client.off("message", recorder.onMessage);
      throw new Error(`the broker refused the subscription to "${filter}"`);
    }
    return recorder;
  }

  /**
   * Records what arrives on `filter` without subscribing: for a persistent session being resumed, whose
   * subscription the broker kept and whose queued messages arrive right behind the CONNACK.
   */
  static listening(client: MqttClient, filter: string): MessageRecorder {
    const recorder = new MessageRecorder(client, filter);
    client.on("message", recorder.onMessage);
    return recorder;
  }

  /** Everything recorded so far (since the last clear()), in arrival order. */
  get messages(): readonly RecordedMessage[] {
    return this.received;
  }

  /** The first recorded message that matches, whether it already arrived or arrives later. */
  async waitFor(
    predicate: MessagePredicate = anyMessage,
    options: WaitOptions = {},
  ): Promise<RecordedMessage> {
    const [first] = await this.wait(1, predicate, 0, options);
    return first as RecordedMessage;
  }

  /** The first matching message that arrives after this call; earlier ones are ignored. */
  async waitForNext(
    predicate: MessagePredicate = anyMessage,
    options: WaitOptions = {},
  ): Promise<RecordedMessage> {
    const [next] = await this.wait(1, predicate, this.received.length, options);
    return next as RecordedMessage;
  }

  /** The first `count` matching messages, counting those already recorded. */
  waitForCount(
    count: number,
    predicate: MessagePredicate = anyMessage,
    options: WaitOptions = {},
  ): Promise<RecordedMessage[]> {
    return this.wait(count, predicate, 0, options);
  }

  /** Forgets what was recorded; pending waits keep what they matched. */
  clear(): void {
    this.received.length = 0;
  }

  /** Stops recording, fails pending waits and unsubscribes (if still connected). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.client.off("message", this.onMessage);
    for (const wait of [...this.waits]) wait.fail(new Error(`recorder on "${this.filter}" was stopped`));
    if (this.client.connected) await this.client.unsubscribeAsync(this.filter);
  }

  private readonly onMessage = (topic: string, payload: Buffer, packet: IPublishPacket): void => {
    if (!topicMatchesFilter(this.filter, topic)) return;
    const message = recordedMessage(topic, payload, packet);
    this.received.push(message);
    for (const wait of [...this.waits]) wait.offer(message);
  };

  private wait(
    count: number,
    predicate: MessagePredicate,
    from: number,
    options: WaitOptions,
  ): Promise<RecordedMessage[]> {
    if (this.stopped) return Promise.reject(new Error(`recorder on "${this.filter}" was stopped`));
    if (!Number.isInteger(count) || count < 1)
      return Promise.reject(new RangeError(`count must be ≥ 1, got ${count}`));
    const timeoutMs = options.timeoutMs ?? 5_000;
    const wanted = `${count} message(s) matching ${options.description ?? "the predicate"}`;
    const wait = new PendingWait(
      count,
      predicate,
      timeoutMs,
      (matched) =>
        new Error(
          `Timed out after ${timeoutMs} ms waiting for ${wanted} on "${this.filter}" ` +
            `(${matched} matched). ${describeReceived(this.received)}`,
        ),
      () => this.waits.delete(wait),
    );
    this.waits.add(wait);
    for (const message of this.received.slice(from)) {
      if (wait.settled) break;
      wait.offer(message);
    }
    return wait.promise;
  }
}

/** Subscribes `client` to `filter` and records what arrives; see MessageRecorder. */
export function recordMessages(
  client: MqttClient,
  filter: string,
  qos: 0 | 1 | 2 = 1,
): Promise<MessageRecorder> {
  return MessageRecorder.start(client, filter, qos);
}
