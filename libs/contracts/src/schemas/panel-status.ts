import { z } from "zod";
import {
  connectorIdSchema,
  counterSchema,
  idSchema,
  limitReasonSchema,
  phaseAmpsSchema,
  phaseSchema,
  powerKwSchema,
  strategySchema,
  timestampSchema,
  transactionIdSchema,
} from "./primitives.js";

export const sessionAllocationSchema = z
  .object({
    transactionId: transactionIdSchema,
    chargerId: idSchema,
    connectorId: connectorIdSchema,
    allocatedKw: powerKwSchema,
    minChargeRateKw: powerKwSchema.describe("The minimum that applied, clipped to the session's caps."),
    reason: limitReasonSchema,
    limitingPhase: phaseSchema.optional().describe("The conductor that ran out when `reason` is `phase`."),
  })
  .describe("One session's current allocation.");

export const leaderSchema = z
  .object({
    instanceId: idSchema.describe("The panel-engine process holding the lease."),
    epoch: z.int().nonnegative().describe("Its fencing epoch, the one stamped on its profile commands."),
  })
  .describe("The active panel-engine.");

/**
 * What a panel wants and got. Retained, so the site-master knows every panel's demand and minimum as soon
 * as it starts, without waiting for a fresh publication.
 */
export const panelStatusSchema = z
  .object({
    site: idSchema,
    panel: idSchema,
    leader: leaderSchema
      .nullable()
      .describe("null while no engine holds the lease (published by a standby that saw the lease lapse)."),
    demandKw: powerKwSchema.describe("What the sessions would draw if unconstrained (sum of their caps)."),
    minimumKw: powerKwSchema.describe("Sum of the session minimums: less than this pauses sessions."),
    allocatedKw: powerKwSchema.describe("Sum of the allocations currently commanded."),
    budgetKw: powerKwSchema.optional().describe("The budget in force, after any fail-safe fallback."),
    appliedBudgetSequence: counterSchema
      .optional()
      .describe("`sequence` of the panel budget the allocation honours; the site-master can wait for it."),
    strategy: strategySchema.optional(),
    allocatedPhaseAmps: phaseAmpsSchema.optional().describe("Allocated current per conductor in A."),
    sessions: z.array(sessionAllocationSchema),
    publishedAt: timestampSchema.describe("Lets a reader of the retained status judge how stale it is."),
  })
  .describe("Panel status (panel-engine → site-master, operators). Retained.");

export type SessionAllocation = z.infer<typeof sessionAllocationSchema>;
export type Leader = z.infer<typeof leaderSchema>;
export type PanelStatus = z.infer<typeof panelStatusSchema>;
