import type { Redis } from "ioredis";

/*
 * Each store operation that reads before it writes is one Lua script, so Redis runs it without
 * interleaving: two events racing on one session cannot lose an update or resurrect a stopped session.
 * Scripts only move the JSON strings they are given; they never re-encode a number.
 */

/** KEYS: sessions set, session hash. ARGV: transactionId, field, json, field, json, … → 1 created, 0 exists. */
const START_SESSION = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 2))
redis.call('SADD', KEYS[1], ARGV[1])
return 1`;

/** KEYS: session hash. ARGV: n, n field/json pairs to set, then fields to delete → the hash, or nil. */
const UPDATE_SESSION = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local n = tonumber(ARGV[1])
if n > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, 2, 1 + 2 * n)) end
if #ARGV > 1 + 2 * n then redis.call('HDEL', KEYS[1], unpack(ARGV, 2 + 2 * n)) end
return redis.call('HGETALL', KEYS[1])`;

/** KEYS: sessions set, session hash, commanded, acknowledged. ARGV: transactionId → the hash, or nil. */
const STOP_SESSION = `
local stored = redis.call('HGETALL', KEYS[2])
redis.call('SREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
if #stored == 0 then return false end
redis.call('DEL', KEYS[2])
return stored`;

/** KEYS: meta. ARGV: sequence, budget json → 1 stored, 0 not newer. */
const SAVE_BUDGET = `
local current = redis.call('HGET', KEYS[1], 'budgetSequence')
if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'budgetSequence', ARGV[1], 'budget', ARGV[2])
return 1`;

/** KEYS: commanded, acknowledged. ARGV: transactionId, messageId → 1 acknowledged, 0 stale or unknown. */
const ACKNOWLEDGE_COMMAND = `
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if not stored then return 0 end
if cjson.decode(stored).messageId ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1`;

export type Script<Reply> = (...keysThenArgs: string[]) => Promise<Reply>;

export interface PanelScripts {
  startSession: Script<0 | 1>;
  updateSession: Script<string[] | null>;
  stopSession: Script<string[] | null>;
  saveBudget: Script<0 | 1>;
  acknowledgeCommand: Script<0 | 1>;
}

/**
 * Registers the scripts on the caller's connection (ioredis sends EVALSHA and falls back to EVAL when
 * Redis lost its script cache, e.g. after a restart). The names are prefixed so they cannot clash with
 * other commands defined on a shared connection.
 */
export function panelScripts(redis: Redis): PanelScripts {
  return {
    startSession: defineScript(redis, "sceV1StartSession", 2, START_SESSION),
    updateSession: defineScript(redis, "sceV1UpdateSession", 1, UPDATE_SESSION),
    stopSession: defineScript(redis, "sceV1StopSession", 4, STOP_SESSION),
    saveBudget: defineScript(redis, "sceV1SaveBudget", 1, SAVE_BUDGET),
    acknowledgeCommand: defineScript(redis, "sceV1AcknowledgeCommand", 2, ACKNOWLEDGE_COMMAND),
  };
}

/** Registers one Lua script as a command on the connection and returns a typed caller for it. */
export function defineScript<Reply>(
  redis: Redis,
  name: string,
  numberOfKeys: number,
  lua: string,
): Script<Reply> {
  redis.defineCommand(name, { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, unknown>)[name];
  if (typeof command !== "function") throw new Error(`ioredis did not define the ${name} command`);
  return (...keysThenArgs) => (command as Script<Reply>).apply(redis, keysThenArgs);
}
