import {
  DELIVERY,
  encodeMessage,
  MESSAGE_SCHEMAS,
  type MessageInputOf,
  type TopicKind,
} from "@smart-charge/contracts";
import type { IClientPublishOptions, MqttClient } from "mqtt";
import { releaseWrites } from "./coalesce-writes.js";

/** MQTT 5 publish properties (response topic, correlation data, expiry …). */
export type PublishProperties = NonNullable<IClientPublishOptions["properties"]>;

/**
 * Publishes contract messages: validated by the one schema every side shares (a writer that breaks the
 * contract throws), with the QoS and retain flag the contract gives the topic. On MQTT 5 connections the
 * given properties are an extra; on 3.1.1 everything a reader needs is inside the JSON.
 *
 * Publishing does not wait for the broker's PUBACK: mqtt.js reads no further packets (PUBACKs included)
 * while a received message is being handled, so waiting there would deadlock. mqtt.js keeps the order of
 * what is published and, on a persistent session, resends it after a reconnect; failures go to `onError`.
 */
export class ContractPublisher {
  constructor(
    private readonly client: MqttClient,
    private readonly onError: (error: Error, topic: string) => void,
  ) {}

  /** `properties` may be a function: it is called only on an MQTT 5 connection, where they are sent. */
  publish<K extends TopicKind>(
    kind: K,
    topic: string,
    message: MessageInputOf<K>,
    properties?: PublishProperties | (() => PublishProperties),
  ): void {
    const body = encodeMessage(MESSAGE_SCHEMAS[kind], message);
    const { qos, retained } = DELIVERY[kind];
    const v5 = this.client.options.protocolVersion === 5 && properties !== undefined;
    const extras = v5 ? { properties: typeof properties === "function" ? properties() : properties } : {};
    this.client.publish(topic, body, { qos, retain: retained, ...extras }, (error) => {
      if (error) this.onError(error, topic);
    });
    releaseWrites(this.client);
  }
}
