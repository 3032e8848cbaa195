import type { StartedService } from "../shared/test-service.js";

export const REDIS_IMAGE = "redis:7-alpine";

/** Starts a throwaway Redis; testcontainers is loaded only here, so machines without Docker never pay for it. */
export async function startRedisContainer(): Promise<StartedService> {
  const { GenericContainer, Wait } = await import("testcontainers");
  const container = await new GenericContainer(REDIS_IMAGE)
    .withExposedPorts(6379)
    .withWaitStrategy(Wait.forLogMessage("Ready to accept connections"))
    .start();
  return {
    url: `redis://${container.getHost()}:${container.getMappedPort(6379)}`,
    stop: async () => {
      await container.stop();
    },
  };
}
