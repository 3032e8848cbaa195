import type { Redis } from "ioredis";

/*
 * Each store operation that reads before it writes is one Lua script, so Redis runs it without
 * interleaving: two events racing on one session cannot lose an update or resurrect a stopped session.
 * Scripts only move the JSON strings they are given; they never re-encode a number.
 */

/*
 * The session scripts take the handled-message log as their last key and a mark as ARGV 1–3 (digest,
 * epoch ms, forget-before ms; an empty digest means no mark). A message already in the log changes
 * nothing ('duplicate'); otherwise it is logged in the same step as its change, so the log never says
 * "handled" of a change that was not made, nor misses one that was.
 */
const WITH_MARK = `
local handled = KEYS[#KEYS]
local function mark()
  if ARGV[1] == '' then return end
  redis.call('ZADD', handled, ARGV[2], ARGV[1])
  redis.call('ZREMRANGEBYSCORE', handled, '-inf', '(' .. ARGV[3])
end
if ARGV[1] ~= '' and redis.call('ZSCORE', handled, ARGV[1]) then return 'duplicate' end
`;

/** KEYS: sessions set, session hash, handled. ARGV: mark, transactionId, field, json, … → 1 created, 0 exists. */
const START_SESSION = `${WITH_MARK}
if redis.call('EXISTS', KEYS[2]) == 1 then mark() return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 5))
redis.call('SADD', KEYS[1], ARGV[4])
mark()
return 1`;

/** KEYS: session hash, handled. ARGV: mark, n, n field/json pairs to set, fields to delete → the hash, or nil. */
const UPDATE_SESSION = `${WITH_MARK}
if redis.call('EXISTS', KEYS[1]) == 0 then mark() return false end
local n = tonumber(ARGV[4])
if n > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, 5, 4 + 2 * n)) end
if #ARGV > 4 + 2 * n then redis.call('HDEL', KEYS[1], unpack(ARGV, 5 + 2 * n)) end
mark()
return redis.call('HGETALL', KEYS[1])`;

/** KEYS: sessions set, session hash, commanded, acknowledged, handled. ARGV: mark, transactionId → the hash, or nil. */
const STOP_SESSION = `${WITH_MARK}
local stored = redis.call('HGETALL', KEYS[2])
redis.call('SREM', KEYS[1], ARGV[4])
redis.call('HDEL', KEYS[3], ARGV[4])
redis.call('HDEL', KEYS[4], ARGV[4])
mark()
if #stored == 0 then return false end
redis.call('DEL', KEYS[2])
return stored`;

/**
 * KEYS: session hash, commanded, acknowledged, meta, handled. ARGV: mark, then counted lists: n, n
 * field/json pairs to set; r, r fields to delete; c, c × (transactionId, commanded json, acknowledged
 * messageId or ''); then the rotation json or ''; then e, e field/json pairs: the session as the caller
 * holds it. → 'stored'; or, writing nothing, 'duplicate', 'missing' or 'stale' (the stored session differs).
 */
const UPDATE_AND_COMMAND = `${WITH_MARK}
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
local i = 4
local n = tonumber(ARGV[i])
local r = tonumber(ARGV[i + 1 + 2 * n])
local c = tonumber(ARGV[i + 2 + 2 * n + r])
local e = i + 3 + 2 * n + r + 3 * c + 1
local stored = redis.call('HGETALL', KEYS[1])
if #stored ~= 2 * tonumber(ARGV[e]) then return 'stale' end
local expected = {}
for k = e + 1, e + 2 * tonumber(ARGV[e]), 2 do expected[ARGV[k]] = ARGV[k + 1] end
for k = 1, #stored, 2 do
  if expected[stored[k]] ~= stored[k + 1] then return 'stale' end
end
if n > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, i + 1, i + 2 * n)) end
i = i + 1 + 2 * n
if r > 0 then redis.call('HDEL', KEYS[1], unpack(ARGV, i + 1, i + r)) end
i = i + 2 + r
for _ = 1, c do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  if ARGV[i + 2] ~= '' then redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 2])
  else redis.call('HDEL', KEYS[3], ARGV[i]) end
  i = i + 3
end
if ARGV[i] ~= '' then redis.call('HSET', KEYS[4], 'rotation', ARGV[i]) end
mark()
return 'stored'`;

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
  startSession: Script<0 | 1 | "duplicate">;
  updateSession: Script<string[] | null | "duplicate">;
  stopSession: Script<string[] | null | "duplicate">;
  updateAndCommand: Script<"stored" | "duplicate" | "missing" | "stale">;
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
    startSession: defineScript(redis, "sceV1StartSession", 3, START_SESSION),
    updateSession: defineScript(redis, "sceV1UpdateSession", 2, UPDATE_SESSION),
    stopSession: defineScript(redis, "sceV1StopSession", 5, STOP_SESSION),
    updateAndCommand: defineScript(redis, "sceV1UpdateAndCommand", 5, UPDATE_AND_COMMAND),
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
