import { dockerEngineHint } from "../docker/docker-engine.js";
import { locateService, type LocatedSource, type ServiceSearch } from "../shared/locate-service.js";
import { sharedService } from "../shared/shared-container.js";
import type { TestService } from "../shared/test-service.js";
import { probeRedis } from "./probe-redis.js";
import { REDIS_IMAGE, startRedisContainer } from "./redis-container.js";

export const LOCAL_REDIS_URL = "redis://127.0.0.1:6379";

export type TestRedis = TestService<LocatedSource>;

const redisContainer = sharedService(startRedisContainer);

/** How redisForTests() searches; exported so its own tests can point it at a dead port. */
export function redisSearch(overrides: Partial<ServiceSearch> = {}): ServiceSearch {
  return {
    name: "Redis",
    envVar: "REDIS_URL",
    env: process.env,
    localUrl: LOCAL_REDIS_URL,
    probe: probeRedis,
    probeTimeoutMs: 1_000,
    dockerEngine: () => dockerEngineHint(),
    image: REDIS_IMAGE,
    container: redisContainer,
    startLocally: "redis-server --port 6379 --save '' --appendonly no --daemonize yes",
    ...overrides,
  };
}

/**
 * A Redis for integration tests: REDIS_URL when set, else the local redis://127.0.0.1:6379 if it answers
 * PING within a second, else a redis:7-alpine container (one per test file), else an Error saying how to
 * get one. Tests share the server: isolate keys with uniqueId().
 */
export function redisForTests(): Promise<TestRedis> {
  return locateService(redisSearch());
}
