import type { RotationState, StrategySpec } from "@smart-charge/allocation";
import type { PanelBudget } from "@smart-charge/contracts";
import type { ChainableCommander, Redis } from "ioredis";
import type { PanelState } from "./panel-state-store.js";
import type { PanelKeys } from "./redis-keys.js";
import {
  byTransaction,
  bySessionAge,
  decodeCommanded,
  decodeSession,
  type FieldValues,
} from "./stored-fields.js";

const MAX_ATTEMPTS = 10;

/**
 * Reads a panel's whole state as of one instant. Which session hashes to read is only known after
 * reading the set, so the set is read again inside the MULTI (which Redis runs without interleaving):
 * sessions it lists were read in the same instant; a session started in between was not read, so the
 * snapshot is retried with the new list. WATCH would need a connection of our own; the caller's is shared.
 */
export async function readSnapshot(redis: Redis, keys: PanelKeys): Promise<PanelState> {
  let members = await redis.smembers(keys.sessions);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const multi = redis.multi().smembers(keys.sessions);
    for (const id of members) multi.hgetall(keys.session(id));
    multi
      .hget(keys.meta, "rotation")
      .hget(keys.meta, "budget")
      .hgetall(keys.commanded)
      .hgetall(keys.acknowledged)
      .hget(keys.meta, "strategy");
    const replies = await execAll(multi);

    const [membersThen, ...rest] = replies as [string[], ...unknown[]];
    const sessionHashes = rest.slice(0, members.length) as FieldValues[];
    const [rotation, budget, commanded, acknowledged, strategy] = rest.slice(members.length) as [
      string | null,
      string | null,
      FieldValues,
      FieldValues,
      string | null,
    ];
    const read = new Set(members);
    if (membersThen.every((id) => read.has(id))) {
      const current = new Set(membersThen);
      return {
        sessions: sessionHashes
          .filter((_hash, i) => current.has(members[i] as string))
          .map(decodeSession)
          .sort(bySessionAge),
        rotation: rotation === null ? {} : (JSON.parse(rotation) as RotationState),
        budget: budget === null ? null : (JSON.parse(budget) as PanelBudget),
        commanded: Object.entries(commanded)
          .map(([transactionId, json]) => decodeCommanded(json, acknowledged[transactionId]))
          .sort(byTransaction),
        strategy: strategy === null ? null : (JSON.parse(strategy) as StrategySpec),
      };
    }
    members = membersThen;
  }
  throw new Error(`load(): the sessions changed during ${MAX_ATTEMPTS} consecutive reads; try again`);
}

/** Runs a MULTI and returns its replies, failing on the first command error. */
export async function execAll(multi: ChainableCommander): Promise<unknown[]> {
  const results = await multi.exec();
  // exec() yields null only when a WATCHed key changed; nothing here WATCHes.
  if (results === null) throw new Error("Redis transaction aborted");
  return results.map(([error, reply]) => {
    if (error !== null) throw error;
    return reply;
  });
}
