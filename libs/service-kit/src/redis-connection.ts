import { Redis } from "ioredis";
import { safeUrl } from "./logger.js";

/** Logs Redis connection trouble; a pino Logger fits. */
export interface RedisLogger {
  warn(details: object, message: string): void;
}

export interface RedisConnection {
  readonly redis: Redis;
  /** False while the connection is down, so /readyz can say so. */
  readonly ready: () => boolean;
  /** How often the connection was lost so far: a write in flight then may have landed, or not. */
  readonly losses: () => number;
}

/**
 * Reconnects with backoff (100 ms doubling to 2 s). While the connection is down, commands fail at once
 * instead of waiting in a queue: a service must not stop deciding because Redis is away (a lower limit
 * waits for nothing), and a write queued during an outage must not land long after it was meant. A
 * command that was on the wire when the connection broke is resent only if the first reconnection
 * succeeds (100 ms later); otherwise it fails (maxRetriesPerRequest) and the caller retries it. (Without
 * a resend ioredis would leave it pending forever.) A Redis that stops answering without closing the
 * connection (hung, partitioned) counts as gone after 2 s of silence with a command pending
 * (socketTimeout): the connection is dropped, the pending commands fail and the losses count goes up,
 * instead of every caller waiting for the operating system to give up, minutes later.
 */
export const FAIL_FAST_REDIS_OPTIONS = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  retryStrategy: (attempt: number) => Math.min(100 * 2 ** Math.min(attempt - 1, 5), 2_000),
  connectTimeout: 2_000,
  socketTimeout: 2_000,
} as const;

/**
 * Connects to Redis with FAIL_FAST_REDIS_OPTIONS before it resolves, so a wrong URL stops start-up with
 * a message naming the (redacted) URL; then logs one line per change of the connection, not one per retry.
 */
export async function openRedis(url: string, logger: RedisLogger): Promise<RedisConnection> {
  const redis = new Redis(url, FAIL_FAST_REDIS_OPTIONS);
  let lastError: string | undefined;
  redis.on("error", (error: Error) => {
    // ioredis repeats the same error on every reconnect attempt; one line per change is enough.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ event: "redis-error", err: error }, "Redis connection error; retrying");
  });
  let down = false;
  let losses = 0;
  redis.on("close", () => {
    losses += 1;
    if (redis.status === "end" || down) return;
    down = true;
    logger.warn({ event: "redis-disconnected" }, "Redis connection lost; reconnecting with backoff");
  });
  redis.on("ready", () => {
    lastError = undefined;
    if (down) logger.warn({ event: "redis-reconnected" }, "Redis connection back");
    down = false;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = lastError ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`cannot connect to Redis at ${safeUrl(url)}: ${reason}`, { cause: error });
  }
  return { redis, ready: () => redis.status === "ready", losses: () => losses };
}
