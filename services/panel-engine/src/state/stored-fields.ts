import type { CommandedLimit, SessionPatch, StoredSession } from "./panel-state-store.js";

/**
 * How stored state is written: one JSON value per session field, so every number keeps full double
 * precision (Lua's cjson would print 14 significant digits) and an update touches only its own fields.
 * Both stores use this, so they agree to the last bit.
 */

/** Caps a patch may remove with `null`; the other patchable fields are required in an ActiveSession. */
const REMOVABLE = ["maxHardwarePowerKw", "maxEvAcceptancePowerKw", "minChargeRateKw"] as const;
const PATCHABLE = [...REMOVABLE, "priority", "phases", "panelPhases", "connectorId"] as const;

export type FieldValues = Record<string, string>;

export interface EncodedPatch {
  set: [field: string, json: string][];
  remove: string[];
}

// JSON turns NaN and Infinity into null, which would silently become "no cap".
function requireFinite(field: string, value: unknown): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`${field} must be a finite number, got ${value}`);
  }
}

export function encodeValue(field: string, value: unknown): string {
  requireFinite(field, value);
  return JSON.stringify(value);
}

export function encodeSession(session: StoredSession): [field: string, json: string][] {
  return Object.entries(session)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => [field, encodeValue(field, value)]);
}

export function decodeSession(fields: FieldValues): StoredSession {
  const session: Record<string, unknown> = {};
  for (const [field, json] of Object.entries(fields)) session[field] = JSON.parse(json);
  return session as unknown as StoredSession;
}

/**
 * Splits a patch into fields to write and fields to remove. Only the patchable fields count: a patch
 * built from a decoded event may carry more, and must not overwrite the transactionId or chargerId.
 */
export function encodePatch(patch: SessionPatch): EncodedPatch {
  const encoded: EncodedPatch = { set: [], remove: [] };
  for (const field of PATCHABLE) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value !== null) {
      encoded.set.push([field, encodeValue(field, value)]);
    } else if ((REMOVABLE as readonly string[]).includes(field)) {
      encoded.remove.push(field);
    } else {
      throw new TypeError(`${field} cannot be removed: every session has one (only caps take null)`);
    }
  }
  return encoded;
}

/**
 * The session as a store holds it after the patch, i.e. what updateSession answers: the leader predicts
 * it from its own copy to write the update and its commands in one step.
 */
export function patchedSession(session: StoredSession, patch: SessionPatch): StoredSession {
  const { set, remove } = encodePatch(patch);
  const fields: FieldValues = Object.fromEntries(encodeSession(session));
  for (const [field, json] of set) fields[field] = json;
  for (const field of remove) delete fields[field];
  return decodeSession(fields);
}

/** A commanded limit is stored without its acknowledgement, which is kept apart as the acked messageId. */
export function encodeCommanded(limit: CommandedLimit): string {
  const { transactionId, chargerId, connectorId, limitW, messageId, sentAt } = limit;
  const stored = { transactionId, chargerId, connectorId, limitW, messageId, sentAt };
  for (const [field, value] of Object.entries(stored)) requireFinite(field, value);
  return JSON.stringify(stored);
}

export function decodeCommanded(json: string, acknowledgedMessageId: string | undefined): CommandedLimit {
  const limit = JSON.parse(json) as Omit<CommandedLimit, "acknowledged">;
  return { ...limit, acknowledged: acknowledgedMessageId === limit.messageId };
}

/** load() lists sessions oldest first and commands by transaction, whatever order the store keeps. */
export function bySessionAge(a: StoredSession, b: StoredSession): number {
  return a.addedAt - b.addedAt || compareIds(a.transactionId, b.transactionId);
}

export function byTransaction(a: CommandedLimit, b: CommandedLimit): number {
  return compareIds(a.transactionId, b.transactionId);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
