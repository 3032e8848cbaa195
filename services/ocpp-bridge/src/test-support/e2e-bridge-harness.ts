import { createLogger } from "@smart-charge/service-kit";
import { mqttBrokerForTests, uniqueId, type BrokerKind, type TestBroker } from "@smart-charge/test-infra";
import { afterAll, beforeAll, onTestFinished } from "vitest";
import type { BridgeConfig, BridgeConfigInput } from "../config/config-schema.js";
import { parseConfig } from "../config/load-config.js";
import { runOcppBridge, type RunningOcppBridge } from "../run-ocpp-bridge.js";
import { EngineSide } from "./e2e-engine-side.js";
import { SimulatedChargePoint, type ChargePointOptions } from "./simulated-charge-point.js";

/**
 * A bridge for four chargers of a fresh site: CP-1 and CP-2 three-phase 22 kW, CP-3 one-phase 7.4 kW on
 * L2, CP-4 with a password. Free ports for OCPP and health.
 */
export function testBridgeConfig(mqttUrl: string, overrides: Partial<BridgeConfigInput> = {}): BridgeConfig {
  return parseConfig({
    site: uniqueId("site"),
    bridgeId: "bridge-1",
    ocpp: { host: "127.0.0.1", port: 0, callTimeoutMs: 5_000 },
    chargers: [
      { id: "CP-1", phases: 3, maxHardwarePowerKw: 22 },
      { id: "CP-2", phases: 3, maxHardwarePowerKw: 22 },
      { id: "CP-3", phases: 1, panelPhases: ["L2"], maxHardwarePowerKw: 7.4 },
      { id: "CP-4", password: "s3cret-4" },
    ],
    failSafe: { limitKw: 4.14 },
    mqtt: { url: mqttUrl },
    http: { host: "127.0.0.1", port: 0 },
    ...overrides,
  });
}

export function startBridge(config: BridgeConfig): Promise<RunningOcppBridge> {
  return runOcppBridge(config, {
    logger: createLogger(`test.${config.bridgeId}`, process.env["LOG_LEVEL"] ?? "silent"),
  });
}

/** Connects and boots a simulated charge point, closed when the test finishes. */
export async function bootChargePoint(
  bridge: RunningOcppBridge,
  identity: string,
  version: ChargePointOptions["version"],
  password?: string,
): Promise<SimulatedChargePoint> {
  const cp = await SimulatedChargePoint.connect({
    url: `ws://127.0.0.1:${bridge.port}`,
    identity,
    version,
    ...(password !== undefined ? { password } : {}),
  });
  onTestFinished(() => cp.close().then(() => undefined));
  await cp.boot();
  return cp;
}

/**
 * For a describe block: a broker of the given kind for the file, and
 * `site()` — a running bridge for a fresh site with an MQTT client on the panel-engines' side, both
 * stopped when the test finishes.
 */
export function bridgeTestBed(brokerKind: BrokerKind) {
  let broker: TestBroker | undefined;
  beforeAll(async () => {
    broker = await mqttBrokerForTests(brokerKind);
  });
  afterAll(async () => {
    await broker?.stop();
  });
  const brokerUrl = () => {
    if (broker === undefined) throw new Error("the broker starts in beforeAll");
    return broker.url;
  };
  return {
    brokerUrl,
    site: async (overrides: Partial<BridgeConfigInput> = {}) => {
      const config = testBridgeConfig(brokerUrl(), overrides);
      const engine = await EngineSide.start(brokerUrl(), config.site);
      onTestFinished(() => engine.close());
      const bridge = await startBridge(config);
      onTestFinished(() => bridge.stop());
      return { config, bridge, engine };
    },
  };
}
