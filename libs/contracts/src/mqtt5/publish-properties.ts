/**
 * MQTT 5 clients get the in-message correlation fields again as publish properties, so generic MQTT 5
 * tooling (request/response helpers, broker-side expiry) works. The JSON stays authoritative: a
 * receiver must not rely on these, because a 3.1.1 hop strips them.
 */
import { ContractError } from "../errors/contract-error.js";
import type { OperatorCommand } from "../schemas/operator-commands.js";
import type { ProfileCommand } from "../schemas/profile-command.js";
import { topics } from "../topics/build-topic.js";
import { secondsUntilExpiry } from "./expiry.js";

/** Field names as MQTT.js spells them in `IClientPublishOptions.properties`. */
export interface Mqtt5PublishProperties {
  responseTopic: string;
  correlationData: Buffer;
  messageExpiryInterval?: number;
  contentType: "application/json";
  payloadFormatIndicator: true;
}

function expiryInterval(
  expiresAt: string | undefined,
  now: Date | number,
): { messageExpiryInterval?: number } {
  if (expiresAt === undefined) return {};
  const seconds = secondsUntilExpiry(expiresAt, now);
  // An expired command must not be published at all; a zero interval would not stop it on every broker.
  if (seconds <= 0)
    throw new ContractError({ field: "expiresAt", message: "already expired; do not publish" });
  return { messageExpiryInterval: seconds };
}

/** Properties for a profile command: results go to the charger's results topic, keyed by messageId. */
export function profileCommandProperties(
  command: ProfileCommand,
  now: Date | number,
): Mqtt5PublishProperties {
  return {
    responseTopic: topics.commandResult(command.site, command.chargerId),
    correlationData: Buffer.from(command.messageId, "utf8"),
    contentType: "application/json",
    payloadFormatIndicator: true,
    ...expiryInterval(command.expiresAt, now),
  };
}

/** Properties for an operator command: replyTo, or the site's default result topic, keyed by requestId. */
export function operatorCommandProperties(site: string, command: OperatorCommand): Mqtt5PublishProperties {
  return {
    responseTopic: command.replyTo ?? topics.operatorResult(site),
    correlationData: Buffer.from(command.requestId, "utf8"),
    contentType: "application/json",
    payloadFormatIndicator: true,
  };
}
