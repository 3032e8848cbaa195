/** Leaves nothing behind on the shared Redis and broker. */
import { connectClient, endClient } from "@smart-charge/test-infra";
import type { Redis } from "ioredis";
import { panelKeys } from "../src/state/redis-keys.js";

/** Deletes every Redis key of the bench panel (`sce:v1:{site/panel}:…`); returns how many. */
export async function deleteKeys(redis: Redis, site: string, panel: string): Promise<number> {
  const base = panelKeys(site, panel).meta.slice(0, -"meta".length);
  let deleted = 0;
  for await (const keys of redis.scanStream({ match: `${base}*`, count: 500 })) {
    const batch = keys as string[];
    if (batch.length > 0) deleted += await redis.del(...batch);
  }
  return deleted;
}

/** The engine's MQTT session is persistent (clean: false): a clean connect under its client id removes it. */
export async function dropMqttSession(url: string, clientId: string | undefined): Promise<void> {
  if (clientId !== undefined) await endClient(await connectClient(url, { clientId, clean: true }));
}
