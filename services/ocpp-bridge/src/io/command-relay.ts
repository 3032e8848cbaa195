import { decodeTopicMessage, type Fence, type ProfileCommand } from "@smart-charge/contracts";
import type { Logger } from "pino";
import { gateCommand } from "../core/command-gate.js";
import { classifyFailure, outcomeOfAnswer, type Outcome } from "../core/command-outcome.js";
import type { BridgeMetrics } from "../ops/metrics.js";
import type { ChargerLink } from "./charger-server.js";
import type { ContractPublisher } from "./contract-publisher.js";
import { isTimeout } from "./rpc.js";

export interface CommandRelayDeps {
  fence: Fence;
  links: ReadonlyMap<string, ChargerLink>;
  publisher: ContractPublisher;
  metrics: BridgeMetrics;
  logger: Logger;
  clock: () => number;
}

/**
 * Profile commands from MQTT to chargers. Each charger's commands go through in arrival order, one at a
 * time, and each is checked (expiry, fence, connection) when its turn comes, so a command that waited
 * behind a slow charger is not sent once it has expired. Every command gets exactly one command result.
 */
export class CommandRelay {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly deps: CommandRelayDeps) {}

  onMessage(topic: string, payload: Buffer): void {
    const { metrics, publisher, clock } = this.deps;
    const decoded = decodeTopicMessage(topic, payload);
    if (!decoded.ok) {
      metrics.messagesRejected.inc({ code: "invalid-message" });
      return publisher.error("invalid-message", decoded.error, clock(), topic);
    }
    if (decoded.value.kind !== "profileCommand") return;
    const command = decoded.value.message;
    const previous = this.queues.get(command.chargerId) ?? Promise.resolve();
    const next = previous.then(() => this.relay(command));
    this.queues.set(command.chargerId, next);
    void next.finally(() => {
      if (this.queues.get(command.chargerId) === next) this.queues.delete(command.chargerId);
    });
  }

  /** Resolves once every command received so far has its result. */
  async idle(): Promise<void> {
    await Promise.all(this.queues.values());
  }

  private async relay(command: ProfileCommand): Promise<void> {
    const { fence, links, metrics, publisher, clock } = this.deps;
    const link = links.get(command.chargerId);
    const decision = gateCommand(command, fence, link?.version, clock());
    if (decision.kind === "drop") {
      metrics.commandsDropped.inc({ reason: decision.code ?? decision.reason });
      if (decision.code !== undefined)
        publisher.error(
          decision.code,
          { field: decision.field ?? "(root)", message: describe(command, decision.reason) },
          clock(),
        );
      return this.finish(command, decision);
    }
    this.finish(command, await this.call(link, command));
  }

  private async call(link: ChargerLink | undefined, command: ProfileCommand): Promise<Outcome> {
    const { metrics } = this.deps;
    let outcome: Outcome;
    try {
      if (link === undefined) throw new Error("charger disconnected");
      const answer = await link.client.call(command.action, command.payload);
      outcome = outcomeOfAnswer(command.action, answer);
      metrics.commandsRelayed.inc({ action: command.action, status: outcome.status });
    } catch (error) {
      const failure = classifyFailure(error, isTimeout(error));
      outcome = failure.outcome;
      metrics.commandsDropped.inc({ reason: failure.label });
    }
    return outcome;
  }

  private finish(command: ProfileCommand, outcome: Outcome): void {
    const { publisher, logger, clock } = this.deps;
    publisher.commandResult({
      messageId: command.messageId,
      chargerId: command.chargerId,
      status: outcome.status,
      ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
      at: new Date(clock()).toISOString(),
    });
    logger.info(
      {
        event: "command-result",
        chargerId: command.chargerId,
        action: command.action,
        messageId: command.messageId,
        epoch: command.epoch,
        status: outcome.status,
        reason: outcome.reason,
      },
      "command result",
    );
  }
}

function describe(command: ProfileCommand, reason: string): string {
  return `${command.action} ${command.messageId} (epoch ${command.epoch}) for ${command.chargerId} dropped: ${reason}`;
}
