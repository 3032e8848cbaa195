/**
 * Request/reply for operator commands as the contract defines it: the command carries a fresh `requestId`
 * and a `replyTo` in its JSON (and, over MQTT 5, the same as response topic and correlation data); the
 * answer is the operatorResult with that requestId on the reply topic.
 */
import { randomUUID } from "node:crypto";
import {
  decodeMessage,
  DELIVERY,
  encodeMessage,
  MESSAGE_SCHEMAS,
  operatorCommandProperties,
  operatorResultSchema,
  topics,
  type MessageInputOf,
  type OperatorResult,
} from "@smart-charge/contracts";
import type { MqttClient } from "mqtt";

export type OperatorKind = "setGridLimit" | "setSafetyMargin" | "setPanelBudgetCap" | "setPanelStrategy";

/** A command without its envelope: the CLI adds requestId, replyTo and issuedAt. */
export type CommandBody<K extends OperatorKind> = Omit<
  MessageInputOf<K>,
  "requestId" | "replyTo" | "issuedAt"
>;

export interface OperatorRequest<K extends OperatorKind = OperatorKind> {
  kind: K;
  /** The command topic, from `topics.*` of the contract. */
  topic: string;
  body: CommandBody<K>;
  /** Who answers, for the timeout message: "the site-master" or "the panel-engine of panel-a". */
  answeredBy: string;
}

export type OperatorOutcome =
  | { kind: "answered"; requestId: string; command: Record<string, unknown>; result: OperatorResult }
  | { kind: "timeout"; requestId: string; command: Record<string, unknown>; waitedMs: number };

export interface SendOptions {
  site: string;
  timeoutMs: number;
  now?: () => Date;
  /** A requestId to use instead of a fresh UUID (tests). */
  requestId?: string;
}

function waitForResult(client: MqttClient, replyTo: string, requestId: string, timeoutMs: number) {
  let stop: () => void = () => {};
  const answer = new Promise<OperatorResult | null>((resolve) => {
    const onMessage = (topic: string, payload: Buffer): void => {
      if (topic !== replyTo) return;
      const decoded = decodeMessage(operatorResultSchema, payload);
      // Other operators' results share the topic; only ours counts.
      if (decoded.ok && decoded.value.requestId === requestId) done(decoded.value);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    const done = (result: OperatorResult | null): void => {
      clearTimeout(timer);
      client.off("message", onMessage);
      resolve(result);
    };
    stop = () => done(null);
    client.on("message", onMessage);
  });
  return { answer, stop };
}

export async function sendOperatorCommand<K extends OperatorKind>(
  client: MqttClient,
  request: OperatorRequest<K>,
  options: SendOptions,
): Promise<OperatorOutcome> {
  const requestId = options.requestId ?? randomUUID();
  const replyTo = topics.operatorResult(options.site);
  const command = {
    ...request.body,
    requestId,
    replyTo,
    issuedAt: (options.now?.() ?? new Date()).toISOString(),
  } as MessageInputOf<K>;
  const payload = encodeMessage(MESSAGE_SCHEMAS[request.kind], command);
  const { qos, retained } = DELIVERY[request.kind];
  const started = Date.now();
  const wait = waitForResult(client, replyTo, requestId, options.timeoutMs);
  try {
    // Results are not retained: be subscribed before the command can be answered.
    await client.subscribeAsync(replyTo, { qos: 1 });
    const properties =
      client.options.protocolVersion === 5
        ? { properties: operatorCommandProperties(options.site, command) }
        : {};
    await client.publishAsync(request.topic, payload, { qos, retain: retained, ...properties });
  } catch (error) {
    wait.stop();
    throw error;
  }
  const result = await wait.answer;
  const sent = JSON.parse(payload) as Record<string, unknown>;
  return result === null
    ? { kind: "timeout", requestId, command: sent, waitedMs: Date.now() - started }
    : { kind: "answered", requestId, command: sent, result };
}
