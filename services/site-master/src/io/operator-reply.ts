import { parseTopic, replyTopicSchema, correlationIdSchema, topics } from "@smart-charge/contracts";
import type { IPublishPacket } from "mqtt";

/** Where and how to answer an operator command. */
export interface ReplyRoute {
  readonly topic: string;
  /** MQTT 5 correlation data to echo, when the request carried it. */
  readonly correlationData: Buffer | undefined;
}

const OPERATOR_KINDS = new Set(["setGridLimit", "setSafetyMargin", "setPanelBudgetCap"]);

/** Whether the topic is one of the operator commands the site-master answers. */
export function isSiteMasterCommandTopic(topic: string): boolean {
  const parsed = parseTopic(topic);
  return parsed !== null && OPERATOR_KINDS.has(parsed.kind);
}

/**
 * The reply topic: `replyTo` from the JSON (authoritative, works over MQTT 3.1.1), else the MQTT 5
 * response topic, else the site's operator results topic.
 */
export function replyRoute(site: string, packet: IPublishPacket, replyTo: string | undefined): ReplyRoute {
  const properties = packet.properties;
  return {
    topic: replyTo ?? properties?.responseTopic ?? topics.operatorResult(site),
    correlationData: properties?.correlationData,
  };
}

/**
 * For a command that could not be read: the requestId and replyTo it carries, if they are themselves
 * valid, so the operator still gets an answer naming the field; null when there is nobody to answer.
 */
export function salvageEnvelope(
  payload: Buffer | string,
): { requestId: string; replyTo: string | undefined } | null {
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === "string" ? payload : payload.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof json !== "object" || json === null) return null;
  const fields = json as Record<string, unknown>;
  const requestId = correlationIdSchema.safeParse(fields["requestId"]);
  if (!requestId.success) return null;
  const replyTo = replyTopicSchema.safeParse(fields["replyTo"]);
  return { requestId: requestId.data, replyTo: replyTo.success ? replyTo.data : undefined };
}
