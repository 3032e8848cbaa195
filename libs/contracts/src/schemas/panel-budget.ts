import { z } from "zod";
import { expiryRule } from "./checks.js";
import { counterSchema, idSchema, phaseAmpsSchema, powerKwSchema, timestampSchema } from "./primitives.js";

/**
 * The share of the grid connection a panel may hand to its chargers, after the site's safety margin.
 * Retained, so a panel-engine that (re)starts learns its budget before it sends anything.
 */
export const panelBudgetSchema = z
  .object({
    site: idSchema,
    panel: idSchema,
    totalKw: powerKwSchema.describe("Power the panel's sessions may draw in total, in kW."),
    phaseAmps: phaseAmpsSchema
      .optional()
      .describe("Per-phase current limits in A; omitted means only totalKw binds."),
    sequence: counterSchema.describe(
      "Increases with every budget the site-master issues for this panel; a panel-engine ignores a budget " +
        "whose sequence is lower than the one it applied last (a late redelivery must not raise the budget).",
    ),
    issuedAt: timestampSchema,
    expiresAt: timestampSchema
      .optional()
      .describe(
        "After this instant the budget is stale: the panel-engine falls back to its configured fail-safe " +
          "budget. Later than issuedAt.",
      ),
  })
  .refine(expiryRule.check, expiryRule.params)
  .describe("Panel budget (site-master → panel-engine).");

export type PanelBudget = z.infer<typeof panelBudgetSchema>;
