import { z } from "zod";
import { panelPhasesRule } from "./checks.js";
import {
  connectorIdSchema,
  currentAmpsSchema,
  idSchema,
  ocppVersionSchema,
  phaseCountSchema,
  phaseSchema,
  powerKwSchema,
  timestampSchema,
  transactionIdSchema,
} from "./primitives.js";

const sessionKey = {
  chargerId: idSchema.describe("OCPP identity of the charger (the same id as in the topic)."),
  transactionId: transactionIdSchema,
  connectorId: connectorIdSchema,
  ocppVersion: ocppVersionSchema,
  at: timestampSchema.describe("When the bridge observed the event."),
};

const panelPhases = z
  .array(phaseSchema)
  .min(1)
  .max(3)
  .describe(
    "Panel conductors the connector is wired to, as many as `phases` (e.g. a 1-phase charger on L2).",
  );

const priority = z.number().describe("Higher is more important; default 1.");

/** Caps as the allocation library names them; omitted means "no limit" (or "unchanged" in an update). */
const caps = {
  maxHardwarePowerKw: powerKwSchema.describe("Charger hardware limit in kW."),
  maxEvAcceptancePowerKw: powerKwSchema.describe("What the EV accepts now in kW; 0 means it takes nothing."),
  minChargeRateKw: powerKwSchema.describe("Below this the car stops charging: it gets 0 or at least this."),
};

export const sessionStartedSchema = z
  .object({
    type: z.literal("started"),
    ...sessionKey,
    maxHardwarePowerKw: caps.maxHardwarePowerKw.optional(),
    maxEvAcceptancePowerKw: caps.maxEvAcceptancePowerKw.optional(),
    minChargeRateKw: caps.minChargeRateKw.optional(),
    priority: priority.optional(),
    phases: phaseCountSchema.optional(),
    panelPhases: panelPhases.optional(),
  })
  .refine(panelPhasesRule.check, panelPhasesRule.params)
  .describe("A transaction started; the engine starts allocating power to it.");

/** In an update, `null` removes a cap and an omitted field stays as it was (JSON has no `undefined`). */
export const sessionUpdatedSchema = z
  .object({
    type: z.literal("updated"),
    ...sessionKey,
    maxHardwarePowerKw: caps.maxHardwarePowerKw.nullable().optional(),
    maxEvAcceptancePowerKw: caps.maxEvAcceptancePowerKw.nullable().optional(),
    minChargeRateKw: caps.minChargeRateKw.nullable().optional(),
    priority: priority.optional(),
    phases: phaseCountSchema.optional(),
    panelPhases: panelPhases.optional(),
  })
  .refine(panelPhasesRule.check, panelPhasesRule.params)
  .describe(
    "Caps, priority or wiring of a running session changed; omitted fields are unchanged, null removes a cap.",
  );

export const sessionStoppedSchema = z
  .object({
    type: z.literal("stopped"),
    ...sessionKey,
    reason: z.string().max(256).optional().describe("OCPP stop reason, for logs."),
  })
  .describe("The transaction ended; its power returns to the panel.");

export const meterValuesSchema = z
  .object({
    type: z.literal("meter-values"),
    ...sessionKey,
    powerKw: powerKwSchema.describe("Active power imported by the EV, in kW."),
    phaseAmps: z
      .object({ L1: currentAmpsSchema, L2: currentAmpsSchema, L3: currentAmpsSchema })
      .partial()
      .optional()
      .describe("Measured current per panel conductor in A; conductors the connector is not on are omitted."),
    energyKwh: z.number().nonnegative().optional().describe("Energy register of the transaction in kWh."),
    socPercent: z.number().min(0).max(100).optional().describe("EV state of charge in %."),
  })
  .describe("A meter reading of a running session.");

export const sessionEventSchema = z
  .discriminatedUnion("type", [
    sessionStartedSchema,
    sessionUpdatedSchema,
    sessionStoppedSchema,
    meterValuesSchema,
  ])
  .describe("Session event (OCPP bridge → panel-engine), discriminated by `type`.");

export type SessionStarted = z.infer<typeof sessionStartedSchema>;
export type SessionUpdated = z.infer<typeof sessionUpdatedSchema>;
export type SessionStopped = z.infer<typeof sessionStoppedSchema>;
export type MeterValues = z.infer<typeof meterValuesSchema>;
export type SessionEvent = z.infer<typeof sessionEventSchema>;
