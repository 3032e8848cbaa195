import type { PanelEngineConfigInput } from "@smart-charge/panel-engine";
import { engineConfig, enginePanels, type SiteConfig } from "@smart-charge/site-config";

export interface EngineTuning {
  /** How long a car keeps its place in the rotation once it starts (short in a demo, minutes in a depot). */
  readonly minDwellMs: number;
  readonly recomputeIntervalMs: number;
}

/**
 * One panel-engine config per panel with chargers, derived from the site file as a deployment derives it
 * (`engineConfig`), then pointed at the embedded broker, with health servers on free ports and the
 * demo's faster timing.
 */
export function panelEngineInputs(
  site: SiteConfig,
  mqttUrl: string,
  tuning: EngineTuning,
): PanelEngineConfigInput[] {
  return enginePanels(site).map((panel) => ({
    ...engineConfig(site, panel),
    instanceId: "all-in-one",
    minDwellMs: tuning.minDwellMs,
    mqtt: { url: mqttUrl },
    http: { host: "127.0.0.1", port: 0 },
    timing: { recomputeIntervalMs: tuning.recomputeIntervalMs, profileTtlS: 600, raiseHoldMs: 5_000 },
  }));
}
