import {
  topics,
  type FieldError,
  type OperatorResult,
  type PanelStatus,
  type ProfileCommand,
} from "@smart-charge/contracts";
import type { MqttClient } from "mqtt";
import type { Logger } from "pino";
import type { PanelEngineConfig } from "./config/config-schema.js";
import { ContractPublisher } from "./io/contract-publisher.js";
import type { PanelMetrics } from "./ops/metrics.js";

/**
 * Everything a panel-engine publishes, behind one gate: nothing goes out unless `mayPublish()` (the
 * leader's lease, checked by its own clock) says so at that very moment. The one exception is the
 * leaderless status a deposed leader publishes so nobody keeps trusting it.
 */
export class EnginePublisher {
  private readonly publisher: ContractPublisher;

  constructor(
    client: MqttClient,
    private readonly config: PanelEngineConfig,
    private readonly logger: Logger,
    private readonly metrics: PanelMetrics,
    private readonly clock: () => number,
    private readonly mayPublish: () => boolean,
  ) {
    this.publisher = new ContractPublisher(client, (error, topic) =>
      logger.error({ event: "publish-failed", topic, err: error }, "publish failed"),
    );
  }

  /** Publishes a profile command; false (nothing sent) when this engine may not publish now. */
  command(command: ProfileCommand, reason: string): boolean {
    if (!this.allowed("profileCommand")) return false;
    this.publisher.publishCommand(
      topics.profileCommand(this.config.site, command.chargerId),
      command,
      this.clock(),
    );
    this.metrics.commandsPublished.inc({ action: command.action, reason });
    return true;
  }

  status(status: PanelStatus): boolean {
    if (!this.allowed("panelStatus")) return false;
    this.publisher.publish("panelStatus", topics.panelStatus(this.config.site, this.config.panel), status);
    return true;
  }

  /** Ungated: the status of a panel that no engine leads (leader null). */
  leaderless(status: PanelStatus): void {
    this.publisher.publish("panelStatus", topics.panelStatus(this.config.site, this.config.panel), {
      ...status,
      leader: null,
      publishedAt: new Date(this.clock()).toISOString(),
    });
  }

  reply(replyTo: string, result: OperatorResult): void {
    if (this.allowed("operatorResult")) this.publisher.publish("operatorResult", replyTo, result);
  }

  error(code: string, error: FieldError, topic: string): void {
    if (!this.allowed("error")) return;
    const source = `panel-engine.${this.config.panel}`;
    this.publisher.publish("error", topics.error(this.config.site, source), {
      source,
      code,
      error,
      topic,
      at: new Date(this.clock()).toISOString(),
    });
  }

  private allowed(kind: string): boolean {
    if (this.mayPublish()) return true;
    this.logger.warn({ event: "publish-withheld", kind }, "not publishing: the lease may have expired");
    return false;
  }
}
