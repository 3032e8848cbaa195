import { escapeId } from "@smart-charge/contracts";

export const DEFAULT_KEY_PREFIX = "sce:v1:";

/** The Redis keys of one panel's state. */
export interface PanelKeys {
  /** Set of the transactionIds of running sessions. */
  sessions: string;
  /** Hash of one session: field → JSON value. */
  session(transactionId: string): string;
  /** Hash: rotation (JSON), budget (JSON), budgetSequence (integer). */
  meta: string;
  /** Hash: transactionId → JSON of the last CommandedLimit (without `acknowledged`). */
  commanded: string;
  /** Hash: transactionId → messageId of the command the bridge accepted. */
  acknowledged: string;
  /** Counter behind nextEpoch(). */
  epoch: string;
  /** String: the token of the engine holding the leader lease (SET NX PX). */
  lease: string;
  /** Sorted set: digest of every message the leader handled → when, so nothing is handled twice. */
  handled: string;
  /** Hash: chargerId → the fail-safe limit (W) last sent to it. */
  failSafe: string;
}

/**
 * `{prefix}{site/panel}:…`. The ids are escaped as in MQTT topics ([A-Za-z0-9._-] kept, the rest
 * percent-encoded), so no id can contain `/`, `:` or a brace: two panels never share a key, and the
 * `{site/panel}` part is a Redis Cluster hash tag that puts all of a panel's keys in one slot, which
 * its multi-key Lua scripts and MULTI reads require.
 */
export function panelKeys(site: string, panel: string, prefix = DEFAULT_KEY_PREFIX): PanelKeys {
  if (/[{}]/.test(prefix))
    throw new TypeError(`key prefix ${JSON.stringify(prefix)} must not contain { or }`);
  const base = `${prefix}{${escapeId(site, "site")}/${escapeId(panel, "panel")}}:`;
  return {
    sessions: `${base}sessions`,
    session: (transactionId) => `${base}session:${escapeId(transactionId, "transactionId")}`,
    meta: `${base}meta`,
    commanded: `${base}commanded`,
    acknowledged: `${base}acknowledged`,
    epoch: `${base}epoch`,
    lease: `${base}lease`,
    handled: `${base}handled`,
    failSafe: `${base}fail-safe`,
  };
}
