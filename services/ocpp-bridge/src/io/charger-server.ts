import type { OcppVersion } from "@smart-charge/contracts";
import type { Logger } from "pino";
import type { BridgeConfig, ChargerConfig } from "../config/config-schema.js";
import type { CallContext, CallOutcome } from "../core/call-context.js";
import { answerOcpp16 } from "../core/ocpp16-calls.js";
import { answerOcpp201 } from "../core/ocpp201-calls.js";
import type { SessionRegistry } from "../core/session-registry.js";
import type { TransactionIds } from "../core/transaction-ids.js";
import type { BridgeMetrics } from "../ops/metrics.js";
import type { ContractPublisher } from "./contract-publisher.js";
import { rpcError, RPCServer, SUBPROTOCOLS, versionOf, type RpcClient } from "./rpc.js";

/** A connected charger: its configuration, the OCPP version it speaks and its websocket client. */
export interface ChargerLink {
  charger: ChargerConfig;
  version: Exclude<OcppVersion, "2.1">;
  client: RpcClient;
}

export interface ChargerServerDeps {
  config: BridgeConfig;
  sessions: SessionRegistry;
  publisher: ContractPublisher;
  metrics: BridgeMetrics;
  logger: Logger;
  clock: () => number;
  transactionIds: TransactionIds;
  onBoot: (link: ChargerLink) => void;
}

const ANSWER = { "1.6": answerOcpp16, "2.0.1": answerOcpp201 } as const;

/**
 * The websocket side: chargers connect at ws://host:port/<chargerId>. Unknown identities and wrong
 * passwords are refused at the handshake (and reported); calls are validated against the official schemas
 * of the agreed version (ocpp-rpc strict mode) before the bridge answers them.
 */
export class ChargerServer {
  readonly links = new Map<string, ChargerLink>();
  private readonly server: RPCServer;

  constructor(private readonly deps: ChargerServerDeps) {
    const { config } = deps;
    this.server = new RPCServer({
      protocols: Object.keys(SUBPROTOCOLS),
      strictMode: true,
      callTimeoutMs: config.ocpp.callTimeoutMs,
    });
    this.server.auth((accept, reject, handshake) => {
      const refusal = this.refusal(handshake.identity, handshake.password);
      if (refusal === undefined) return accept();
      deps.metrics.connectionsRefused.inc({ reason: refusal.code });
      deps.publisher.error(
        refusal.code,
        { field: refusal.field, message: `connection of "${handshake.identity}" refused: ${refusal.why}` },
        deps.clock(),
      );
      reject(refusal.status, refusal.why);
    });
    this.server.on("client", (client: RpcClient) => this.attach(client));
  }

  async listen(): Promise<number> {
    const http = await this.server.listen(this.deps.config.ocpp.port, this.deps.config.ocpp.host);
    const address = http.address();
    return typeof address === "object" && address !== null ? address.port : this.deps.config.ocpp.port;
  }

  async close(): Promise<void> {
    await this.server.close({ code: 1001, reason: "bridge stopping" });
  }

  private refusal(identity: string, password: Buffer | undefined) {
    const charger = this.deps.config.chargers.find((c) => c.id === identity);
    if (charger === undefined)
      return { code: "unknown-charger", field: "identity", status: 404, why: "not a charger of this bridge" };
    if (charger.password !== undefined && password?.toString("utf8") !== charger.password)
      return { code: "unauthorized", field: "password", status: 401, why: "wrong or missing password" };
    return undefined;
  }

  private attach(client: RpcClient): void {
    const { logger, metrics, config } = this.deps;
    const charger = config.chargers.find((c) => c.id === client.identity);
    const version = versionOf(client.protocol);
    if (charger === undefined || version === undefined) return void client.close({ code: 1008 });
    const link: ChargerLink = { charger, version, client };
    // A charger that reconnects before its old socket timed out replaces it.
    const previous = this.links.get(charger.id);
    this.links.set(charger.id, link);
    if (previous !== undefined) void previous.client.close({ code: 1000, reason: "replaced" });
    metrics.connectedChargers.set(this.links.size);
    logger.info(
      { event: "charger-connected", chargerId: charger.id, ocppVersion: version },
      "charger connected",
    );

    client.handle(async ({ method, params }) => this.answer(link, method ?? "", params));
    client.on("strictValidationFailure", ({ method, error, outbound }: StrictFailure) => {
      const message = `${outbound ? "outbound" : "inbound"} ${method}: ${error.message}`;
      this.deps.publisher.error("invalid-ocpp-message", { field: method, message }, this.deps.clock());
    });
    client.on("close", () => {
      if (this.links.get(charger.id) === link) this.links.delete(charger.id);
      metrics.connectedChargers.set(this.links.size);
      logger.info({ event: "charger-disconnected", chargerId: charger.id }, "charger disconnected");
    });
  }

  private async answer(link: ChargerLink, method: string, params: unknown): Promise<Record<string, unknown>> {
    const { deps } = this;
    // The id is taken before the call is answered: it may have to wait for its second (see TransactionIds).
    const transactionId =
      link.version === "1.6" && method === "StartTransaction" ? await deps.transactionIds.next() : undefined;
    const context: CallContext = {
      charger: link.charger,
      sessions: deps.sessions,
      now: deps.clock(),
      heartbeatIntervalS: deps.config.ocpp.heartbeatIntervalS,
      voltageV: deps.config.voltageV,
      nextTransactionId: () => {
        if (transactionId === undefined) throw new Error(`${method} does not start a transaction`);
        return transactionId;
      },
    };
    const outcome: CallOutcome | undefined = ANSWER[link.version](method, params, context);
    if (outcome === undefined) throw rpcError("NotImplemented", `${method} is not handled by this bridge`);
    for (const event of outcome.events) {
      deps.publisher.sessionEvent(event);
      deps.metrics.sessionEvents.inc({ type: event.type });
      const level = event.type === "meter-values" ? "debug" : "info";
      deps.logger[level](
        { event: `session-${event.type}`, chargerId: event.chargerId, transactionId: event.transactionId },
        `session ${event.type}`,
      );
    }
    // The charger must have our BootNotification answer before it is sent anything; ocpp-rpc sends the
    // answer once this handler returns, so the boot work starts on the next turn of the event loop.
    if (outcome.booted) setImmediate(() => deps.onBoot(link));
    return outcome.response;
  }
}

interface StrictFailure {
  method: string;
  error: Error;
  outbound: boolean;
}
