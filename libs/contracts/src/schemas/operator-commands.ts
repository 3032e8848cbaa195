import { z } from "zod";
import {
  correlationIdSchema,
  idSchema,
  phaseAmpsSchema,
  powerKwSchema,
  replyTopicSchema,
  strategySchema,
  timestampSchema,
} from "./primitives.js";

/** Correlation lives in the JSON so that request/reply works on MQTT 3.1.1, which has no properties. */
const envelope = {
  requestId: correlationIdSchema.describe("Chosen by the operator; the result carries the same id."),
  replyTo: replyTopicSchema
    .optional()
    .describe("Where the result is published; default sce/v1/{site}/operator/results."),
  issuedAt: timestampSchema.optional(),
};

export const setGridLimitSchema = z
  .object({
    ...envelope,
    limitKw: powerKwSchema.describe("Power the grid connection may carry in kW."),
    phaseAmps: phaseAmpsSchema.optional().describe("Current limit per phase conductor in A."),
  })
  .describe("Set the site's grid connection limit (operator → site-master).");

export const setSafetyMarginSchema = z
  .object({
    ...envelope,
    marginKw: powerKwSchema.optional().describe("Power kept unallocated, in kW."),
    marginPercent: z
      .number()
      .min(0)
      .lt(100)
      .optional()
      .describe("Share of the grid limit kept unallocated, in %."),
  })
  .refine((c) => (c.marginKw === undefined) !== (c.marginPercent === undefined), {
    path: ["marginKw"],
    message: "give exactly one of marginKw and marginPercent",
  })
  .describe("Set the site's safety margin (operator → site-master); exactly one of marginKw, marginPercent.");

export const setPanelBudgetCapSchema = z
  .object({
    ...envelope,
    panel: idSchema.describe("The panel (the same id as in the topic)."),
    capKw: powerKwSchema
      .nullable()
      .describe("Most this panel may ever be given, in kW; null removes the cap."),
    phaseAmps: phaseAmpsSchema.nullable().optional().describe("Per-phase cap in A; null removes it."),
  })
  .describe("Cap a panel's budget (operator → site-master).");

export const timeOfUseWindowSchema = z
  .object({
    peakStartHour: z.int().min(0).max(23).describe("Local hour the peak window starts."),
    peakEndHour: z
      .int()
      .min(0)
      .max(23)
      .describe("Local hour it ends (exclusive); smaller than start crosses midnight."),
    peakPowerMultiplier: z
      .number()
      .min(0)
      .max(1)
      .describe("Share of the budget available during the window."),
  })
  .describe("Peak window for the TIME_OF_USE strategy.");

export const setPanelStrategySchema = z
  .object({
    ...envelope,
    panel: idSchema.describe("The panel (the same id as in the topic)."),
    strategy: strategySchema,
    timeOfUse: timeOfUseWindowSchema
      .optional()
      .describe("Only for TIME_OF_USE; omitted keeps the current window."),
  })
  .describe("Choose a panel's allocation strategy (operator → panel-engine).");

export type SetGridLimit = z.infer<typeof setGridLimitSchema>;
export type SetSafetyMargin = z.infer<typeof setSafetyMarginSchema>;
export type SetPanelBudgetCap = z.infer<typeof setPanelBudgetCapSchema>;
export type TimeOfUseWindow = z.infer<typeof timeOfUseWindowSchema>;
export type SetPanelStrategy = z.infer<typeof setPanelStrategySchema>;
export type OperatorCommand = SetGridLimit | SetSafetyMargin | SetPanelBudgetCap | SetPanelStrategy;
