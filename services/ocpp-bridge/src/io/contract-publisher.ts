import { topics, type FieldError, type MessageInputOf } from "@smart-charge/contracts";
import { ContractPublisher as SchemaCheckedPublisher } from "@smart-charge/service-kit";
import type { MqttClient } from "mqtt";
import type { Logger } from "pino";

type BridgeWrites = "sessionEvent" | "commandResult" | "error";

/** Writes the bridge's side of the contract, on the topics a bridge owns (see service-kit's ContractPublisher). */
export function createContractPublisher(mqtt: MqttClient, site: string, source: string, logger: Logger) {
  const publisher = new SchemaCheckedPublisher(mqtt, (error, topic) =>
    logger.error({ event: "publish-failed", topic, err: error }, "publish failed"),
  );
  function send<K extends BridgeWrites>(kind: K, topic: string, message: MessageInputOf<K>): void {
    publisher.publish(kind, topic, message);
  }
  return {
    sessionEvent: (event: MessageInputOf<"sessionEvent">) =>
      send("sessionEvent", topics.sessionEvent(site, event.chargerId), event),
    commandResult: (result: MessageInputOf<"commandResult">) =>
      send("commandResult", topics.commandResult(site, result.chargerId), result),
    /** Operators see on the errors topic what the bridge refused, the same line it logs. */
    error: (code: string, error: FieldError, at: number, topic?: string) => {
      logger.warn(
        { event: "reported", code, field: error.field, reason: error.message, topic },
        error.message,
      );
      send("error", topics.error(site, source), {
        source,
        code,
        error,
        ...(topic !== undefined ? { topic } : {}),
        at: new Date(at).toISOString(),
      });
    },
  };
}

export type ContractPublisher = ReturnType<typeof createContractPublisher>;
