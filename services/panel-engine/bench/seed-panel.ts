/**
 * The seed's engine (ocpp-smart-charge-engine 0.3.0) behind the same MQTT contract: a process-local
 * "panel" that reads session events, keeps the sessions in the seed's SmartChargingEngine, calls
 * dispatch() after each event, and whose dispatcher publishes a SetChargingProfile command (the seed's
 * own 1.6 builder, in a contract envelope) on the charger's command topic at QoS 1. The seed keeps no
 * state outside the process (no Redis), reads no command results, and its dispatch() sends a profile to
 * every session, whether its limit changed or not.
 */
import { randomUUID } from "node:crypto";
import {
  decodeTopicMessage,
  encodeMessage,
  MESSAGE_SCHEMAS,
  topicPattern,
  topics,
  type SessionEvent,
} from "@smart-charge/contracts";
import { connectClient, endClient } from "@smart-charge/test-infra";
import type { MqttClient } from "mqtt";
import { SmartChargingEngine } from "ocpp-smart-charge-engine";
import { buildOcpp16Profile } from "ocpp-smart-charge-engine/builders";

/** OCPP 1.6 transaction ids are integers; the contract carries them as strings. */
const seedTransactionId = (id: string): number | string => (/^\d{1,15}$/.test(id) ? Number(id) : id);

export class SeedPanel {
  readonly engine: SmartChargingEngine;
  /** Events the seed refused (threw on), e.g. an update of an unknown session. */
  refused = 0;

  private constructor(
    private readonly client: MqttClient,
    readonly site: string,
    readonly panel: string,
    gridKw: number,
  ) {
    this.engine = new SmartChargingEngine({
      siteId: site,
      maxGridPowerKw: gridKw,
      safetyMarginPct: 0,
      algorithm: "EQUAL_SHARE",
      dispatcher: async ({ clientId, connectorId, sessionProfile }) => {
        const command = encodeMessage(MESSAGE_SCHEMAS.profileCommand, {
          messageId: randomUUID(),
          site,
          panel,
          chargerId: clientId,
          connectorId,
          action: "SetChargingProfile",
          ocppVersion: "1.6",
          payload: { connectorId, csChargingProfiles: buildOcpp16Profile(sessionProfile, { rateUnit: "A" }) },
          epoch: 0,
          issuedAt: new Date().toISOString(),
        });
        await client.publishAsync(topics.profileCommand(site, clientId), command, { qos: 1 });
      },
    });
    this.engine.on("dispatchError", () => (this.refused += 1));
    client.on("message", (topic, payload) => this.onMessage(topic, payload));
  }

  static async start(url: string, site: string, panel: string, gridKw: number): Promise<SeedPanel> {
    const client = await connectClient(url, { reconnectPeriod: 0 });
    // As our services do (service-kit), so the comparison is of engines, not of Nagle's algorithm.
    (client.stream as { setNoDelay?: (on: boolean) => unknown }).setNoDelay?.(true);
    const panelEngine = new SeedPanel(client, site, panel, gridKw);
    await client.subscribeAsync(topicPattern("sessionEvent", { site }), { qos: 1 });
    return panelEngine;
  }

  async stop(): Promise<void> {
    await endClient(this.client);
  }

  private onMessage(topic: string, payload: Buffer): void {
    const decoded = decodeTopicMessage(topic, payload);
    if (!decoded.ok || decoded.value.kind !== "sessionEvent") return;
    try {
      if (!this.apply(decoded.value.message)) return;
    } catch {
      this.refused += 1;
      return;
    }
    this.engine.dispatch().catch(() => (this.refused += 1));
  }

  /** Applies the event to the seed's sessions; false when nothing changed (meter values). */
  private apply(event: SessionEvent): boolean {
    const id = seedTransactionId(event.transactionId);
    switch (event.type) {
      case "started":
        this.engine.addSession({
          transactionId: id,
          clientId: event.chargerId,
          connectorId: event.connectorId,
          priority: event.priority ?? 1,
          phases: event.phases ?? 3,
          ...(event.maxHardwarePowerKw !== undefined ? { maxHardwarePowerKw: event.maxHardwarePowerKw } : {}),
          ...(event.maxEvAcceptancePowerKw !== undefined
            ? { maxEvAcceptancePowerKw: event.maxEvAcceptancePowerKw }
            : {}),
          ...(event.minChargeRateKw !== undefined ? { minChargeRateKw: event.minChargeRateKw } : {}),
        });
        return true;
      case "updated": {
        // The seed removes a cap given as undefined; the contract says null.
        const patch: Record<string, number | undefined> = {};
        for (const key of ["maxHardwarePowerKw", "maxEvAcceptancePowerKw", "minChargeRateKw"] as const) {
          const value = event[key];
          if (value !== undefined) patch[key] = value ?? undefined;
        }
        if (event.priority !== undefined) patch["priority"] = event.priority;
        this.engine.updateSession(id, patch);
        return true;
      }
      case "stopped":
        return this.engine.safeRemoveSession(id) !== undefined;
      case "meter-values":
        return false;
    }
  }
}
