import type { PanelStatus } from "@smart-charge/contracts";
import type { PanelNeed } from "./divide-site.js";
import { kwToWCeil, kwToWFloor } from "./limits.js";
import type { PanelNode } from "./panel-tree.js";

/** The last status heard from a panel, and when (site-master clock). */
export interface PanelReport {
  readonly status: PanelStatus;
  readonly heardAt: number;
}

export type PanelCondition = "no-engine" | "fixed" | "never-reported" | "silent" | "reporting";

export function panelCondition(
  node: PanelNode,
  report: PanelReport | undefined,
  now: number,
  silentAfterMs: number,
): PanelCondition {
  if (!node.hasEngine) return "no-engine";
  if (node.fixedW !== undefined) return "fixed";
  if (report === undefined) return "never-reported";
  return now - report.heardAt >= silentAfterMs ? "silent" : "reporting";
}

/**
 * What a panel's own engine needs, from its last status:
 * - a fixed panel gets its fixed budget, whatever it reports;
 * - a panel that is silent or never reported gets its conservative budget, reserved;
 * - otherwise its reported minimum and demand. The contract's demand is what the sessions would draw
 *   unconstrained (the sum of their caps, whatever the budget), so it is the panel's need as it is: taking
 *   "held back by the budget" as unbounded demand instead makes a panel whose cars exactly use their
 *   budget swing between its breaker and its demand on every status.
 * `scale` turns the engine's figures into budget terms when the engine holds back its own safety margin.
 */
export function panelNeed(
  condition: PanelCondition,
  node: PanelNode,
  report: PanelReport | undefined,
  scale: number,
): PanelNeed {
  switch (condition) {
    case "no-engine":
      return { loW: 0, hiW: 0, reservedW: 0 };
    case "fixed": {
      const w = node.fixedW ?? 0;
      return { loW: w, hiW: w, reservedW: w };
    }
    case "never-reported":
    case "silent":
      return { loW: node.conservativeW, hiW: node.conservativeW, reservedW: node.conservativeW };
    case "reporting": {
      const status = report?.status;
      if (status === undefined) return { loW: 0, hiW: 0, reservedW: 0 };
      return {
        loW: kwToWCeil(status.minimumKw * scale),
        // Rounded up to 0.1 kW so that the engine's own rounding never leaves a session one watt short.
        hiW: kwToWFloor(Math.ceil(status.demandKw * scale * 10 - 1e-9) / 10),
        reservedW: 0,
      };
    }
  }
}
