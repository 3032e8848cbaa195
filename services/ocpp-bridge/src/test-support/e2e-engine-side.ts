import {
  decodeMessage,
  encodeMessage,
  MESSAGE_SCHEMAS,
  topicPattern,
  topics,
  type CommandResult,
  type Decoded,
  type MessageInputOf,
  type SessionEvent,
} from "@smart-charge/contracts";
import {
  connectClient,
  endClient,
  recordMessages,
  type MessageRecorder,
  type RecordedMessage,
} from "@smart-charge/test-infra";
import { randomUUID } from "node:crypto";
import type { MqttClient } from "mqtt";

export const eventOf = (m: RecordedMessage): SessionEvent =>
  valid(m, decodeMessage(MESSAGE_SCHEMAS.sessionEvent, m.payload));
export const resultOf = (m: RecordedMessage): CommandResult =>
  valid(m, decodeMessage(MESSAGE_SCHEMAS.commandResult, m.payload));
export const reportOf = (m: RecordedMessage) =>
  m.json() as { code: string; error: { field: string; message: string } };

/** Everything the bridge publishes must pass the contract's own reader. */
function valid<T>(m: RecordedMessage, read: Decoded<T>): T {
  if (!read.ok) throw new Error(`invalid message on ${m.topic}: ${read.error.field} ${read.error.message}`);
  return read.value;
}

/** A SetChargingProfile.req for OCPP 1.6 connector 1 at `amps` per phase. */
export function profile16(amps: number): Record<string, unknown> {
  return {
    connectorId: 1,
    csChargingProfiles: {
      chargingProfileId: 77,
      stackLevel: 0,
      chargingProfilePurpose: "TxProfile",
      chargingProfileKind: "Relative",
      chargingSchedule: {
        chargingRateUnit: "A",
        chargingSchedulePeriod: [{ startPeriod: 0, limit: amps, numberPhases: 3 }],
      },
    },
  };
}

/**
 * Plays the panel-engine's side of the contract over real MQTT: publishes profile commands and records
 * what the bridge publishes (session events, command results, error reports).
 */
export class EngineSide {
  private constructor(
    readonly site: string,
    readonly client: MqttClient,
    readonly events: MessageRecorder,
    readonly results: MessageRecorder,
    readonly errors: MessageRecorder,
  ) {}

  static async start(url: string, site: string): Promise<EngineSide> {
    const client = await connectClient(url);
    const [events, results, errors] = await Promise.all([
      recordMessages(client, topicPattern("sessionEvent", { site })),
      recordMessages(client, topicPattern("commandResult", { site })),
      recordMessages(client, topicPattern("error", { site })),
    ]);
    return new EngineSide(site, client, events, results, errors);
  }

  /** Publishes a 1.6 SetChargingProfile command (60 s to live unless told otherwise); returns its messageId. */
  async command(
    chargerId: string,
    epoch: number,
    overrides: Partial<MessageInputOf<"profileCommand">> = {},
  ): Promise<string> {
    const now = Date.now();
    const command: MessageInputOf<"profileCommand"> = {
      messageId: randomUUID(),
      site: this.site,
      panel: "panel-a",
      chargerId,
      connectorId: 1,
      action: "SetChargingProfile",
      ocppVersion: "1.6",
      payload: profile16(16),
      epoch,
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 60_000).toISOString(),
      ...overrides,
    };
    await this.raw(
      topics.profileCommand(this.site, chargerId),
      encodeMessage(MESSAGE_SCHEMAS.profileCommand, command),
    );
    return command.messageId;
  }

  async raw(topic: string, payload: string): Promise<void> {
    await this.client.publishAsync(topic, payload, { qos: 1 });
  }

  resultFor(messageId: string): Promise<CommandResult> {
    return this.results
      .waitFor((m) => resultOf(m).messageId === messageId, { description: `the result of ${messageId}` })
      .then(resultOf);
  }

  close(): Promise<void> {
    return endClient(this.client);
  }
}
