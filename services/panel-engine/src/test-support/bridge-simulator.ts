import {
  decodeMessage,
  encodeMessage,
  MESSAGE_SCHEMAS,
  subscriptions,
  topicPattern,
  topics,
  type MessageInputOf,
  type ProfileCommand,
} from "@smart-charge/contracts";
import { connectClient, endClient, recordMessages, type MessageRecorder } from "@smart-charge/test-infra";
import type { IClientOptions, MqttClient } from "mqtt";
import type { ChargerObserver } from "./charger-observer.js";

interface SchedulePeriod {
  limit: number;
  numberPhases?: number;
}
interface Schedule {
  chargingRateUnit: "A" | "W";
  chargingSchedulePeriod: SchedulePeriod[];
}

/** What a charger enforces for an allocation of `watts`: profiles go out in A per phase, rounded down to 0.1 A. */
export function asChargerSees(watts: number, phases = 3, voltageV = 230): number {
  return Math.round((Math.floor((watts / (voltageV * phases)) * 10 + 1e-6) / 10) * voltageV * phases);
}

/** Whether the command installs the charger's fail-safe TxDefaultProfile (connector/EVSE 0). */
export function isFailSafe(command: ProfileCommand): boolean {
  const body = command.payload as {
    csChargingProfiles?: { chargingProfilePurpose?: string };
    chargingProfile?: { chargingProfilePurpose?: string };
  };
  const purpose = (body.csChargingProfiles ?? body.chargingProfile)?.chargingProfilePurpose;
  return command.action === "SetChargingProfile" && purpose === "TxDefaultProfile";
}

/** The limit a profile command sets, in W over all phases (0 for a clear). */
export function commandLimitW(command: ProfileCommand, voltageV = 230): number {
  if (command.action === "ClearChargingProfile") return 0;
  const body = command.payload as {
    csChargingProfiles?: { chargingSchedule: Schedule };
    chargingProfile?: { chargingSchedule: Schedule[] };
  };
  const schedule = body.csChargingProfiles?.chargingSchedule ?? body.chargingProfile?.chargingSchedule[0];
  const period = schedule?.chargingSchedulePeriod[0];
  if (schedule === undefined || period === undefined)
    throw new Error(`no schedule in ${JSON.stringify(command.payload)}`);
  const phases = period.numberPhases ?? 3;
  return schedule.chargingRateUnit === "A" ? Math.round(period.limit * voltageV * phases) : period.limit;
}

/**
 * Plays the OCPP bridges of a site over real MQTT: sends session events, receives profile commands,
 * answers them (at once, or when the test says so) and keeps the limit in force at every charger.
 * `peakInForceW` is the highest sum of limits in force the chargers ever had at the same time.
 */
export class BridgeSimulator {
  readonly inForceW = new Map<string, number>();
  peakInForceW = 0;
  autoAnswer: "Accepted" | "Rejected" | false = "Accepted";
  /** When set, every command is judged (fencing, expiry) and applied by this model of the chargers. */
  observer: ChargerObserver | undefined;
  private readonly unanswered: ProfileCommand[] = [];

  private constructor(
    readonly site: string,
    readonly client: MqttClient,
    readonly commands: MessageRecorder,
    readonly errors: MessageRecorder,
    readonly statuses: MessageRecorder,
  ) {
    client.on("message", (topic, payload) => {
      if (!topic.endsWith("/commands")) return;
      const decoded = decodeMessage(MESSAGE_SCHEMAS.profileCommand, payload);
      if (!decoded.ok) throw new Error(`engine published an invalid command: ${decoded.error.field}`);
      if (this.observer !== undefined) {
        const verdict = this.observer.receive(decoded.value, Date.now());
        void this.answer(decoded.value, verdict === "Accepted" ? "Accepted" : "Rejected", verdict);
        return;
      }
      this.unanswered.push(decoded.value);
      if (this.autoAnswer !== false) void this.answerAll(this.autoAnswer);
    });
  }

  /** `client` options, e.g. `{ reconnectPeriod, clean: false, clientId }` for a bridge that outlives a broker restart. */
  static async start(url: string, site: string, client: IClientOptions = {}): Promise<BridgeSimulator> {
    return BridgeSimulator.connect(await connectClient(url, client), site);
  }

  private static async connect(client: MqttClient, site: string): Promise<BridgeSimulator> {
    const [commands, errors, statuses] = await Promise.all([
      recordMessages(client, subscriptions.bridge(site)[0] ?? ""),
      recordMessages(client, topicPattern("error", { site })),
      recordMessages(client, topicPattern("panelStatus", { site })),
    ]);
    return new BridgeSimulator(site, client, commands, errors, statuses);
  }

  /** Answers every command received so far; an accepted limit takes effect at the charger. */
  async answerAll(status: "Accepted" | "Rejected"): Promise<void> {
    for (const command of this.unanswered.splice(0)) {
      // A fail-safe only applies when no TxProfile does; the limits in force are the TxProfiles'.
      if (status === "Accepted" && !isFailSafe(command)) {
        this.inForceW.set(command.chargerId, commandLimitW(command));
        this.peakInForceW = Math.max(
          this.peakInForceW,
          [...this.inForceW.values()].reduce((a, b) => a + b, 0),
        );
      }
      await this.answer(command, status);
    }
  }

  private async answer(command: ProfileCommand, status: "Accepted" | "Rejected", reason?: string) {
    await this.send("commandResult", topics.commandResult(this.site, command.chargerId), {
      messageId: command.messageId,
      chargerId: command.chargerId,
      status,
      ...(reason !== undefined && status === "Rejected" ? { reason } : {}),
      at: new Date().toISOString(),
    });
  }

  async send<K extends "sessionEvent" | "commandResult" | "panelBudget" | "setPanelStrategy">(
    kind: K,
    topic: string,
    message: MessageInputOf<K>,
  ): Promise<void> {
    await this.client.publishAsync(topic, encodeMessage(MESSAGE_SCHEMAS[kind], message), {
      qos: 1,
      retain: kind === "panelBudget",
    });
  }

  async sendRaw(topic: string, payload: string): Promise<void> {
    await this.client.publishAsync(topic, payload, { qos: 1 });
  }

  started(
    chargerId: string,
    transactionId: string,
    extra: Partial<MessageInputOf<"sessionEvent">> = {},
  ): Promise<void> {
    return this.send("sessionEvent", topics.sessionEvent(this.site, chargerId), {
      type: "started",
      chargerId,
      transactionId,
      connectorId: 1,
      ocppVersion: "1.6",
      at: new Date().toISOString(),
      ...extra,
    } as MessageInputOf<"sessionEvent">);
  }

  stopped(chargerId: string, transactionId: string): Promise<void> {
    return this.send("sessionEvent", topics.sessionEvent(this.site, chargerId), {
      type: "stopped",
      chargerId,
      transactionId,
      connectorId: 1,
      ocppVersion: "1.6",
      at: new Date().toISOString(),
    });
  }

  budget(panel: string, totalKw: number, sequence: number): Promise<void> {
    return this.send("panelBudget", topics.panelBudget(this.site, panel), {
      site: this.site,
      panel,
      totalKw,
      sequence,
      issuedAt: new Date().toISOString(),
    });
  }

  /** Removes the retained budget and status this test left on the broker, then disconnects. */
  async close(panels: readonly string[] = []): Promise<void> {
    for (const panel of panels) {
      await this.client.publishAsync(topics.panelBudget(this.site, panel), "", { qos: 1, retain: true });
      await this.client.publishAsync(topics.panelStatus(this.site, panel), "", { qos: 1, retain: true });
    }
    await endClient(this.client);
  }
}
