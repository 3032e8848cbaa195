import { onTestFinished } from "vitest";
import { uniqueId } from "@smart-charge/test-infra";
import { parseConfig } from "../config/load-config.js";
import type { PanelEngineConfig, PanelEngineConfigInput } from "../config/config-schema.js";
import { createLogger } from "@smart-charge/service-kit";
import { runPanelEngine, type RunOptions, type RunningPanelEngine } from "../run-panel-engine.js";
import type { PanelStateStore } from "../state/panel-state-store.js";

/** A panel with three chargers (two 22 kW three-phase, one 7.4 kW on L2) behind a 50 kW breaker. */
export function testPanelConfig(
  mqttUrl: string,
  overrides: Partial<PanelEngineConfigInput> = {},
): PanelEngineConfig {
  return parseConfig({
    site: uniqueId("site"),
    panel: "panel-a",
    instanceId: uniqueId("engine"),
    chargers: [
      { id: "CP-1", phases: 3, maxHardwarePowerKw: 22 },
      { id: "CP-2", phases: 3, maxHardwarePowerKw: 22 },
      { id: "CP-3", phases: 1, panelPhases: ["L2"], maxHardwarePowerKw: 7.4 },
    ],
    breaker: { kw: 50, phaseAmps: { L1: 80, L2: 80, L3: 80 } },
    safeDefaultBudget: { kw: 11 },
    minDwellMs: 0,
    mqtt: { url: mqttUrl },
    http: { host: "127.0.0.1", port: 0 },
    timing: { recomputeIntervalMs: 600_000, profileTtlS: 600, raiseHoldMs: 60_000 },
    ...overrides,
  });
}

export async function startEngine(
  config: PanelEngineConfig,
  store: PanelStateStore,
  options: Pick<RunOptions, "oneWriteAfterMs" | "storeConnectionLosses"> = {},
): Promise<RunningPanelEngine> {
  return runPanelEngine(config, {
    store,
    storeKind: "redis",
    logger: createLogger(`test.${config.panel}`, process.env["LOG_LEVEL"] ?? "silent"),
    ...options,
  });
}

/**
 * Registers the engine for the test's cleanup (stopped unless the test stopped it, then `release()`,
 * e.g. its Redis connection) and returns it with a stop() the test may call itself.
 */
export function stoppedOnCleanup(running: RunningPanelEngine, release: () => void): RunningPanelEngine {
  let stopped = false;
  onTestFinished(async () => {
    if (!stopped) await running.stop();
    release();
  });
  return {
    ...running,
    stop: async () => {
      stopped = true;
      await running.stop();
    },
  };
}
