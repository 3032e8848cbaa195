import { randomUUID } from "node:crypto";
import ocppRpc from "ocpp-rpc";
import { RPCClient, type RpcClient, type RpcClientOptions } from "../io/rpc.js";
import { readProfileRequest, type ReceivedProfile } from "./received-profile.js";
import { chargePointMessages, type ChargePointVersion } from "./charge-point-messages.js";

export interface ChargePointOptions {
  /** The bridge's websocket base URL, e.g. ws://127.0.0.1:9000 (the identity is appended). */
  url: string;
  identity: string;
  version: ChargePointVersion;
  password?: string;
}

/** How the charge point answers profile requests: as told, or not at all (the bridge then times out). */
export type ProfileAnswer = "Accepted" | "Rejected" | "NotSupported" | "silent";

/**
 * A charge point that speaks real OCPP-J (ocpp-rpc's RPCClient, strict schema validation both ways): it
 * boots, starts and stops transactions, sends meter values, and records every profile request it
 * receives together with the TxProfile limit in force on each connector.
 */
export class SimulatedChargePoint {
  readonly received: ReceivedProfile[] = [];
  /** TxProfile limit in W per connector/EVSE, as the charger enforces it. */
  readonly limitsW = new Map<number, number>();
  profileAnswer: ProfileAnswer = "Accepted";
  private readonly listeners = new Set<(profile: ReceivedProfile) => void>();
  private readonly messages;

  private constructor(
    readonly options: ChargePointOptions,
    readonly client: RpcClient,
  ) {
    this.messages = chargePointMessages(options.version);
    for (const action of ["SetChargingProfile", "ClearChargingProfile"] as const) {
      client.handle(action, async ({ params }) =>
        this.answerProfile(action, params as Record<string, unknown>),
      );
    }
  }

  static async connect(options: ChargePointOptions): Promise<SimulatedChargePoint> {
    const client = new RPCClient({
      endpoint: options.url,
      identity: options.identity,
      protocols: [options.version === "1.6" ? "ocpp1.6" : "ocpp2.0.1"],
      strictMode: true,
      reconnect: false,
      ...(options.password !== undefined ? { password: options.password } : {}),
    } as RpcClientOptions);
    await client.connect();
    return new SimulatedChargePoint(options, client);
  }

  async boot(): Promise<Record<string, unknown>> {
    return (await this.client.call("BootNotification", this.messages.boot())) as Record<string, unknown>;
  }

  /** Starts a transaction on the connector/EVSE and returns its id (assigned by the bridge in 1.6). */
  async startTransaction(connectorId = 1): Promise<string> {
    const proposed = randomUUID();
    const [action, params] = this.messages.start(proposed, connectorId);
    const answer = (await this.client.call(action, params)) as { transactionId?: number };
    return this.options.version === "1.6" ? String(answer.transactionId) : proposed;
  }

  async stopTransaction(transactionId: string, connectorId = 1): Promise<void> {
    const [action, params] = this.messages.stop(transactionId, connectorId);
    await this.client.call(action, params);
  }

  async meterValues(transactionId: string, powerW: number, connectorId = 1): Promise<void> {
    const [action, params] = this.messages.meter(transactionId, powerW, connectorId);
    await this.client.call(action, params);
  }

  /** The first received profile request that matches, already received or still to come. */
  waitForProfile(predicate: (p: ReceivedProfile) => boolean, timeoutMs = 10_000): Promise<ReceivedProfile> {
    const seen = this.received.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        const got = this.received.map((p) => `${p.action} ${p.purpose} ${p.limitW} W ${p.answer}`);
        reject(
          new Error(
            `${this.options.identity}: no matching profile in ${timeoutMs} ms; got ${JSON.stringify(got)}`,
          ),
        );
      }, timeoutMs);
      const listener = (profile: ReceivedProfile) => {
        if (!predicate(profile)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(profile);
      };
      this.listeners.add(listener);
    });
  }

  /** Called after every profile request, once the limit in force has changed. */
  onProfile(listener: (profile: ReceivedProfile) => void): void {
    this.listeners.add(listener);
  }

  private answerProfile(
    action: ReceivedProfile["action"],
    params: Record<string, unknown>,
  ): Record<string, unknown> {
    // ocpp-rpc sends nothing back for NOREPLY (a symbol at run time, whatever its typings say).
    if (this.profileAnswer === "silent") return ocppRpc.NOREPLY;
    // A clear always succeeds (its answers are Accepted / Unknown); 2.0.1 has no NotSupported status.
    const status =
      action === "ClearChargingProfile"
        ? "Accepted"
        : this.profileAnswer === "NotSupported" && this.options.version !== "1.6"
          ? "Rejected"
          : this.profileAnswer;
    const profile = readProfileRequest(action, params, status);
    if (status === "Accepted" && profile.purpose === "TxProfile" && profile.connectorId !== undefined) {
      if (action === "SetChargingProfile") this.limitsW.set(profile.connectorId, profile.limitW);
      else this.limitsW.delete(profile.connectorId);
    }
    this.received.push(profile);
    for (const listener of [...this.listeners]) listener(profile);
    return { status };
  }

  async close(): Promise<void> {
    await this.client.close({ code: 1000 });
  }
}
