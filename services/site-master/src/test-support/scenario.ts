import { panelSchema, type PanelConfigInput } from "@smart-charge/site-config";
import { z } from "zod";
import { divideSite, type PanelNeed } from "../core/divide-site.js";
import { kwToWFloor, type Limit } from "../core/limits.js";
import { panelCondition, panelNeed } from "../core/panel-need.js";
import { allNodes, buildPanelTree } from "../core/panel-tree.js";
import { publishable } from "../core/plan-publication.js";
import { statusOf } from "./site-fixtures.js";

const amps = z.object({ L1: z.number(), L2: z.number(), L3: z.number() });
const budget = z.object({ totalKw: z.number(), phaseAmps: amps.optional() }).strict();

/** A golden scenario: a site, what each panel reports, and the budgets the division must give. */
export const scenarioSchema = z
  .object({
    description: z.string(),
    availableKw: z.number(),
    availablePhaseAmps: amps.optional(),
    voltageV: z.number().default(230),
    conservativePanelKw: z.number().default(0),
    panels: z.array(z.custom<PanelConfigInput>()),
    reports: z.record(
      z.string(),
      z.union([
        z.literal("silent"),
        z.object({
          demandKw: z.number(),
          minimumKw: z.number().default(0),
          heldBack: z.boolean().default(false),
        }),
      ]),
    ),
    operatorCapsKw: z.record(z.string(), z.number()).default({}),
    expected: z.record(z.string(), budget),
  })
  .strict();

export type Scenario = z.output<typeof scenarioSchema>;

/** Runs the division the way the site-master does and returns the budgets as published. */
export function runScenario(scenario: Scenario): Record<string, z.output<typeof budget>> {
  const panels = buildPanelTree(
    scenario.panels.map((p) => panelSchema.parse(p)),
    scenario.conservativePanelKw,
  );
  const needs = new Map<string, PanelNeed>();
  const T = 1_000_000;
  for (const node of allNodes(panels)) {
    const report = scenario.reports[node.id];
    const heard =
      report === undefined
        ? undefined
        : report === "silent"
          ? { status: statusOf("s", node.id, { demandKw: 0 }), heardAt: 0 }
          : { status: statusOf("s", node.id, report), heardAt: T };
    needs.set(node.id, panelNeed(panelCondition(node, heard, T, 1_000), node, heard, 1));
  }
  const caps = new Map<string, Limit>(
    Object.entries(scenario.operatorCapsKw).map(([id, kw]) => [id, { w: kwToWFloor(kw) }]),
  );
  const available: Limit = { w: kwToWFloor(scenario.availableKw), amps: scenario.availablePhaseAmps };
  const shares = divideSite({ panels, available, needs, caps, voltageV: scenario.voltageV });
  return Object.fromEntries(
    [...shares].map(([id, share]) => {
      const limit = publishable(share);
      return [
        id,
        { totalKw: limit.w / 1000, ...(limit.amps === undefined ? {} : { phaseAmps: { ...limit.amps } }) },
      ];
    }),
  );
}
