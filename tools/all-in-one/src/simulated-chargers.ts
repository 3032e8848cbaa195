import {
  decodeMessage,
  encodeMessage,
  MESSAGE_SCHEMAS,
  subscriptions,
  topics,
  type MessageInputOf,
  type SessionEvent,
} from "@smart-charge/contracts";
import mqtt, { type MqttClient } from "mqtt";
import { emptyTraffic, trafficTick, type ChargerSpot, type TrafficOptions } from "./car-traffic.js";
import { seededRandom } from "./random.js";

export interface SimulatedChargersOptions extends TrafficOptions {
  readonly tickMs: number;
  readonly seed: number;
  readonly clock?: () => number;
  /** Told about every session event sent, for the live view's log line. */
  readonly onEvent?: (event: SessionEvent) => void;
}

/**
 * Plays the OCPP bridges of the all-in-one site over MQTT: cars arrive and leave (session events), and
 * every profile command is answered Accepted at once, as a bridge relaying to a compliant charger would.
 */
export class SimulatedChargers {
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly client: MqttClient,
    private readonly site: string,
  ) {}

  static async start(
    url: string,
    site: string,
    spots: readonly ChargerSpot[],
    options: SimulatedChargersOptions,
  ): Promise<SimulatedChargers> {
    const client = await mqtt.connectAsync(url, { clientId: `sce-sim-${site}-${process.pid}` });
    const chargers = new SimulatedChargers(client, site);
    client.on("message", (_topic, payload) => chargers.answer(payload));
    await client.subscribeAsync(subscriptions.bridge(site), { qos: 1 });
    const clock = options.clock ?? Date.now;
    const random = seededRandom(options.seed);
    const traffic = emptyTraffic();
    chargers.timer = setInterval(() => {
      for (const event of trafficTick(traffic, spots, clock(), random, options)) {
        options.onEvent?.(event);
        chargers.publish("sessionEvent", topics.sessionEvent(site, event.chargerId), event);
      }
    }, options.tickMs);
    return chargers;
  }

  private answer(payload: Buffer): void {
    const decoded = decodeMessage(MESSAGE_SCHEMAS.profileCommand, payload);
    if (!decoded.ok) return;
    const command = decoded.value;
    this.publish("commandResult", topics.commandResult(this.site, command.chargerId), {
      messageId: command.messageId,
      chargerId: command.chargerId,
      status: "Accepted",
      at: new Date().toISOString(),
    });
  }

  private publish<K extends "sessionEvent" | "commandResult">(
    kind: K,
    topic: string,
    message: MessageInputOf<K>,
  ): void {
    this.client.publish(topic, encodeMessage(MESSAGE_SCHEMAS[kind], message), { qos: 1 });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.client.endAsync();
  }
}
