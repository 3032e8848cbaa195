/**
 * Rejects when `promise` has not settled within `ms`. Redis commands wait in ioredis's offline queue
 * while the connection is down; a lease call must not: the leader has to notice in time that it can no
 * longer renew.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
