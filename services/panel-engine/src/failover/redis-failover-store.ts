import type { Redis } from "ioredis";
import { panelKeys, type PanelKeys } from "../state/redis-keys.js";
import { defineScript, type Script } from "../state/redis-scripts.js";
import { HANDLED_RETENTION_MS, type FailoverStore } from "./failover-store.js";

/**
 * KEYS: lease. ARGV: token, ttl ms → 1 held by this token now, 0 held by another. SET NX PX, except that
 * a lease this token still holds (a renewal answered too late, so the engine stepped down) is taken back
 * at once instead of blocking the panel until it expires.
 */
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;

/** KEYS: lease. ARGV: token, ttl ms → 1 renewed, 0 not ours (expired or taken). */
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** KEYS: lease. ARGV: token → 1 released, 0 not ours. */
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

export interface RedisFailoverStoreOptions {
  redis: Redis;
  site: string;
  panel: string;
  keyPrefix?: string;
}

/**
 * The failover state in Redis, beside the panel's state (same hash tag). Renewal and release are
 * compare-and-set Lua scripts: an engine whose lease expired and was taken can never extend or delete
 * its successor's lease.
 */
export class RedisFailoverStore implements FailoverStore {
  private readonly redis: Redis;
  private readonly keys: PanelKeys;
  private readonly acquire: Script<0 | 1>;
  private readonly renew: Script<0 | 1>;
  private readonly release: Script<0 | 1>;

  constructor(options: RedisFailoverStoreOptions) {
    this.redis = options.redis;
    this.keys = panelKeys(options.site, options.panel, options.keyPrefix);
    this.acquire = defineScript(options.redis, "sceV1AcquireLease", 1, ACQUIRE);
    this.renew = defineScript(options.redis, "sceV1RenewLease", 1, RENEW);
    this.release = defineScript(options.redis, "sceV1ReleaseLease", 1, RELEASE);
  }

  async acquireLease(token: string, ttlMs: number): Promise<boolean> {
    return (await this.acquire(this.keys.lease, token, String(ttlMs))) === 1;
  }

  async renewLease(token: string, ttlMs: number): Promise<boolean> {
    return (await this.renew(this.keys.lease, token, String(ttlMs))) === 1;
  }

  async releaseLease(token: string): Promise<boolean> {
    return (await this.release(this.keys.lease, token)) === 1;
  }

  async wasHandled(digest: string): Promise<boolean> {
    return (await this.redis.zscore(this.keys.handled, digest)) !== null;
  }

  async markHandled(digest: string, now: number): Promise<void> {
    await this.redis
      .multi()
      .zadd(this.keys.handled, now, digest)
      .zremrangebyscore(this.keys.handled, "-inf", `(${now - HANDLED_RETENTION_MS}`)
      .exec();
  }

  async failSafeSent(): Promise<Map<string, number>> {
    const stored = await this.redis.hgetall(this.keys.failSafe);
    return new Map(Object.entries(stored).map(([chargerId, limitW]) => [chargerId, Number(limitW)]));
  }

  async recordFailSafe(chargerId: string, limitW: number): Promise<void> {
    await this.redis.hset(this.keys.failSafe, chargerId, String(limitW));
  }

  async forgetFailSafe(chargerId: string): Promise<void> {
    await this.redis.hdel(this.keys.failSafe, chargerId);
  }
}
