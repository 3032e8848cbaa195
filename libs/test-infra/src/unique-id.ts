import { randomBytes } from "node:crypto";

// Random, not the pid: containers and CI runners reuse pids, and two runs may share one Redis.
const processTag = randomBytes(5).readUIntBE(0, 5).toString(36);
let counter = 0;

/**
 * A short id no other test process will produce, e.g. `site-k3x9q2-1`, for topic roots, site ids and
 * Redis key prefixes: test files run in parallel against one Redis and one broker. Only characters that
 * need no escaping in an MQTT topic level or a Redis key are added to the prefix.
 */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${processTag}-${counter.toString(36)}`;
}
