import {
  DELIVERY,
  encodeMessage,
  MESSAGE_SCHEMAS,
  profileCommandProperties,
  type MessageInputOf,
  type Mqtt5PublishProperties,
  type ProfileCommand,
  type TopicKind,
} from "@smart-charge/contracts";
import type { MqttClient } from "mqtt";

/**
 * Publishes contract messages: validated by the one schema every side shares, with the QoS and retain
 * flag the contract assigns to the topic. On MQTT 5 connections, command envelopes are mirrored into
 * publish properties as an extra; on 3.1.1 everything a reader needs is inside the JSON.
 *
 * Publishing does not wait for the broker's PUBACK: mqtt.js reads no further packets (PUBACKs included)
 * while an incoming message is being handled, so waiting here would deadlock. mqtt.js keeps the order of
 * what is published and retries it after a reconnect; failures are reported through `onError`.
 */
export class ContractPublisher {
  constructor(
    private readonly client: MqttClient,
    private readonly onError: (error: Error, topic: string) => void,
  ) {}

  publish<K extends TopicKind>(
    kind: K,
    topic: string,
    message: MessageInputOf<K>,
    properties?: Mqtt5PublishProperties,
  ): void {
    const body = encodeMessage(MESSAGE_SCHEMAS[kind], message);
    const { qos, retained } = DELIVERY[kind];
    const v5 = this.client.options.protocolVersion === 5 && properties !== undefined;
    this.client.publish(topic, body, { qos, retain: retained, ...(v5 ? { properties } : {}) }, (error) => {
      if (error) this.onError(error, topic);
    });
  }

  publishCommand(topic: string, command: ProfileCommand, now: number): void {
    this.publish("profileCommand", topic, command, profileCommandProperties(command, now));
  }
}
