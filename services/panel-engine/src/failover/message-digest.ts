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
 * Whether the message must be handled exactly once across the active/standby pair, so only the leader
 * handles it and it goes into the handled-message log. A redelivered session event could resurrect a
 * stopped session or undo a newer update; an operator command would be applied twice. Events of another
 * panel's chargers and meter values change nothing, and a command result is idempotent (it settles the
 * command with its messageId at most once, and a takeover resends every limit anyway): any engine
 * acknowledges those at once.
 */
export function handledOnce(message: TopicMessage, config: PanelEngineConfig): boolean {
  if (message.kind === "commandResult") return false;
  if (message.kind !== "sessionEvent") return true;
  const event = message.message;
  if (!config.chargers.some((c) => c.id === event.chargerId)) return false;
  return event.type !== "meter-values";
}

/**
 * Session events are logged by the store in the same atomic step as the session change (one round trip
 * for check, change and log); other messages are checked before and logged after they are handled.
 */
export function loggedWithChange(message: TopicMessage): boolean {
  return message.kind === "sessionEvent";
}

/** A message older than the handled-message log's memory may have been handled already: drop it. */
export function isStale(message: TopicMessage, now: number): boolean {
  const at = "at" in message.message ? message.message.at : undefined;
  return typeof at === "string" && Date.parse(at) < now - HANDLED_RETENTION_MS;
}
