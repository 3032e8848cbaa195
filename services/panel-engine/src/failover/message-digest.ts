import { createHash } from "node:crypto";
import type { TopicMessage } from "@smart-charge/contracts";
import type { PanelEngineConfig } from "../config/config-schema.js";
import { HANDLED_RETENTION_MS } from "./failover-store.js";

/**
 * Names a message by its exact bytes and topic: a redelivery (after a crash, a reconnect or a takeover)
 * has the same digest, two different events never do (they differ at least in `at`).
 */
export function messageDigest(topic: string, payload: Buffer | string): string {
  return createHash("sha256").update(topic).update("\n").update(payload).digest("base64url").slice(0, 32);
}

/**
 * Whether the message changes the panel's state, so only the leader may handle it and it is logged as
 * handled. Events of another panel's chargers and meter values change nothing: any engine acknowledges
 * them at once.
 */
export function changesState(message: TopicMessage, config: PanelEngineConfig): boolean {
  if (message.kind !== "sessionEvent") return true;
  const event = message.message;
  if (!config.chargers.some((c) => c.id === event.chargerId)) return false;
  return event.type !== "meter-values";
}

/** A message older than the handled-message log's memory may have been handled already: drop it. */
export function isStale(message: TopicMessage, now: number): boolean {
  const at = "at" in message.message ? message.message.at : undefined;
  return typeof at === "string" && Date.parse(at) < now - HANDLED_RETENTION_MS;
}
