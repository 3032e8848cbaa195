import { Redis } from "ioredis";
import { redactUrl } from "../shared/redact-url.js";
import { withTimeout } from "../shared/with-timeout.js";

/** Resolves when the Redis at `url` answers PING within `timeoutMs`; rejects saying what went wrong. */
export async function probeRedis(url: string, timeoutMs: number): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // connect() only says "Connection is closed."; the error event says why (ECONNREFUSED, NOAUTH, …).
  let cause: Error | undefined;
  redis.on("error", (error: Error) => (cause ??= error));
  const ping = async (): Promise<void> => {
    try {
      await redis.connect();
      const reply = await redis.ping();
      if (reply !== "PONG") throw new Error(`PING answered ${JSON.stringify(reply)}`);
    } catch (error) {
      throw cause ?? error;
    }
  };
  try {
    await withTimeout(ping(), timeoutMs, `no answer to PING from ${redactUrl(url)} within ${timeoutMs} ms`);
  } finally {
    redis.disconnect();
  }
}
