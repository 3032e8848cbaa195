import { startEmbeddedBroker } from "@smart-charge/embedded-broker";
import { dockerEngineHint } from "../docker/docker-engine.js";
import { locateService, type ServiceSearch } from "../shared/locate-service.js";
import { sharedService } from "../shared/shared-container.js";
import type { TestService } from "../shared/test-service.js";
import { MOSQUITTO_IMAGE, startMosquittoContainer } from "./mosquitto-container.js";
import { probeMqtt } from "./probe-mqtt.js";

export const LOCAL_MQTT_URL = "mqtt://127.0.0.1:1883";

/** "mosquitto": the real broker production runs on; "aedes": an in-process broker on a free port. */
export type BrokerKind = "mosquitto" | "aedes";

export type TestBroker = TestService;

const mosquittoContainer = sharedService(startMosquittoContainer);

/** How the "mosquitto" kind searches; exported so its own tests can point it at a dead port. */
export function mosquittoSearch(overrides: Partial<ServiceSearch> = {}): ServiceSearch {
  return {
    name: "MQTT broker",
    envVar: "MQTT_URL",
    env: process.env,
    localUrl: LOCAL_MQTT_URL,
    probe: probeMqtt,
    probeTimeoutMs: 1_000,
    dockerEngine: () => dockerEngineHint(),
    image: MOSQUITTO_IMAGE,
    container: mosquittoContainer,
    startLocally: "mosquitto -d -p 1883 (or mosquitto -d -c /etc/mosquitto/mosquitto.conf)",
    ...overrides,
  };
}

/**
 * An MQTT broker for integration tests.
 * - "mosquitto": MQTT_URL when set, else the local mqtt://127.0.0.1:1883 if it accepts a CONNECT within a
 *   second, else an eclipse-mosquitto:2 container (one per test file), else an Error saying how to get one.
 *   The broker may be shared with other test files: put every topic under a uniqueId() root.
 * - "aedes": a fresh embedded broker on a free port (MQTT 3.1.1 only); stop() closes it.
 */
export async function mqttBrokerForTests(kind: BrokerKind): Promise<TestBroker> {
  if (kind === "mosquitto") return locateService(mosquittoSearch());
  const broker = await startEmbeddedBroker();
  return { url: broker.url, source: "embedded", stop: () => broker.close() };
}
