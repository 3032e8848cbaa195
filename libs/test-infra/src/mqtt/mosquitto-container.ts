import type { StartedService } from "../shared/test-service.js";

export const MOSQUITTO_IMAGE = "eclipse-mosquitto:2";

// Mosquitto 2 only listens on localhost without a config; the tests connect anonymously from the host.
const MOSQUITTO_CONFIG = "listener 1883\nallow_anonymous true\npersistence false\n";

/** Starts a throwaway Mosquitto; testcontainers is loaded only here. */
export async function startMosquittoContainer(): Promise<StartedService> {
  const { GenericContainer, Wait } = await import("testcontainers");
  const container = await new GenericContainer(MOSQUITTO_IMAGE)
    .withExposedPorts(1883)
    .withCopyContentToContainer([{ content: MOSQUITTO_CONFIG, target: "/mosquitto/config/mosquitto.conf" }])
    .withWaitStrategy(Wait.forLogMessage(/mosquitto version \S+ running/))
    .start();
  return {
    url: `mqtt://${container.getHost()}:${container.getMappedPort(1883)}`,
    stop: async () => {
      await container.stop();
    },
  };
}
