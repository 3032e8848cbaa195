/**
 * Plays the site-master (and the panel-engines) of one site over real MQTT, as the contract says they
 * behave: publishes retained panel budgets and statuses, and answers operator commands on their replyTo
 * with an operatorResult carrying the same requestId.
 */
import {
  decodeTopicMessage,
  encodeMessage,
  MESSAGE_SCHEMAS,
  topicPattern,
  topics,
  type MessageInputOf,
  type OperatorResult,
  type TopicMessage,
} from "@smart-charge/contracts";
import { connectClient, endClient } from "@smart-charge/test-infra";
import type { IPublishPacket, MqttClient } from "mqtt";

type OperatorMessage = Extract<
  TopicMessage,
  { kind: "setGridLimit" | "setSafetyMargin" | "setPanelBudgetCap" | "setPanelStrategy" }
>;

export interface ReceivedCommand {
  command: OperatorMessage;
  /** MQTT 5 publish properties as they arrived (empty over MQTT 3.1.1). */
  responseTopic?: string;
  correlationData?: string;
}

/** The grid connection the double's site is rated for; a higher limit is clamped to it. */
export const CONNECTION_RATING_KW = 400;

/** How a site-master following the contract answers: clamp to the rating, refuse unknown panels. */
export function contractAnswer(panels: readonly string[]) {
  return ({ kind, message }: OperatorMessage): OperatorResult => {
    const { requestId } = message;
    switch (kind) {
      case "setGridLimit": {
        // Like the site-master: the rating applies, and `clamped` lists what was cut.
        const clamped = message.limitKw > CONNECTION_RATING_KW ? { clamped: ["limitKw"] } : {};
        return {
          requestId,
          ok: true,
          applied: { limitKw: Math.min(message.limitKw, CONNECTION_RATING_KW), ...clamped },
        };
      }
      case "setSafetyMargin":
        return {
          requestId,
          ok: true,
          applied:
            message.marginKw !== undefined
              ? { marginKw: message.marginKw }
              : { marginPercent: message.marginPercent },
        };
      case "setPanelBudgetCap":
      case "setPanelStrategy":
        if (!panels.includes(message.panel))
          return {
            requestId,
            ok: false,
            error: { field: "panel", message: `no panel "${message.panel}" on this site` },
          };
        return kind === "setPanelBudgetCap"
          ? { requestId, ok: true, applied: { capKw: message.capKw } }
          : { requestId, ok: true, applied: { strategy: message.strategy } };
    }
  };
}

export class SiteMasterDouble {
  readonly received: ReceivedCommand[] = [];
  /** null: stay silent, so the CLI times out. */
  answer: ((command: OperatorMessage) => OperatorResult) | null;
  private readonly retained = new Set<string>();

  private constructor(
    readonly site: string,
    readonly client: MqttClient,
    panels: readonly string[],
  ) {
    this.answer = contractAnswer(panels);
    client.on("message", (topic, payload, packet) => this.onMessage(topic, payload, packet));
  }

  static async start(
    url: string,
    site: string,
    panels: readonly string[],
    mqtt5 = false,
  ): Promise<SiteMasterDouble> {
    const client = await connectClient(url, mqtt5 ? { protocolVersion: 5 } : {});
    const double = new SiteMasterDouble(site, client, panels);
    const kinds = ["setGridLimit", "setSafetyMargin", "setPanelBudgetCap", "setPanelStrategy"] as const;
    await client.subscribeAsync(
      kinds.map((kind) => topicPattern(kind, { site })),
      { qos: 1 },
    );
    return double;
  }

  /** Publishes a contract message with the retain flag the contract gives it, remembering it for close(). */
  async publishRetained<K extends "panelBudget" | "panelStatus">(
    kind: K,
    topic: string,
    message: MessageInputOf<K>,
  ): Promise<void> {
    this.retained.add(topic);
    await this.client.publishAsync(topic, encodeMessage(MESSAGE_SCHEMAS[kind], message), {
      qos: 1,
      retain: true,
    });
  }

  /** Publishes raw bytes retained, to show what a broken publisher does. */
  async publishRawRetained(topic: string, payload: string): Promise<void> {
    this.retained.add(topic);
    await this.client.publishAsync(topic, payload, { qos: 1, retain: true });
  }

  /** Clears what it retained, so the shared broker keeps nothing of the test. */
  async close(): Promise<void> {
    for (const topic of this.retained) await this.client.publishAsync(topic, "", { qos: 1, retain: true });
    await endClient(this.client);
  }

  private onMessage(topic: string, payload: Buffer, packet: IPublishPacket): void {
    const decoded = decodeTopicMessage(topic, payload);
    if (!decoded.ok)
      throw new Error(
        `the CLI published a command that breaks the contract: ${decoded.error.field}: ${decoded.error.message}`,
      );
    const command = decoded.value as OperatorMessage;
    const properties = packet.properties;
    this.received.push({
      command,
      ...(properties?.responseTopic === undefined ? {} : { responseTopic: properties.responseTopic }),
      ...(properties?.correlationData === undefined
        ? {}
        : { correlationData: properties.correlationData.toString("utf8") }),
    });
    if (this.answer === null) return;
    const result = this.answer(command);
    const replyTo = command.message.replyTo ?? topics.operatorResult(this.site);
    this.client.publish(replyTo, encodeMessage(MESSAGE_SCHEMAS.operatorResult, result), { qos: 1 });
  }
}
