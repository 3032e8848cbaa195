import { z } from "zod";

export const idSchema = z.string().min(1).max(128);
export const kwSchema = z.number().finite().nonnegative();
export const phaseAmpsSchema = z.object({ L1: kwSchema, L2: kwSchema, L3: kwSchema }).strict();
export const phaseSchema = z.enum(["L1", "L2", "L3"]);
export const strategySchema = z.enum(["EQUAL_SHARE", "PRIORITY", "TIME_OF_USE"]);

/** A breaker rating: total power and, when the panel is protected per conductor, current per phase. */
export const breakerSchema = z
  .object({ kw: kwSchema.positive(), phaseAmps: phaseAmpsSchema.optional() })
  .strict();

/**
 * A charger wired to a panel: the same fields as `chargers` in a panel-engine's file, so a panel-engine
 * can later take its configuration from the site file.
 */
export const chargerSchema = z
  .object({
    id: idSchema.describe("OCPP identity of the charger (the id in its MQTT topics)."),
    ocppVersion: z.enum(["1.6", "2.0.1", "2.1"]).default("1.6"),
    phases: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    panelPhases: z.array(phaseSchema).min(1).max(3).optional(),
    maxHardwarePowerKw: kwSchema.optional(),
  })
  .strict();

type ChargerConfigOut = z.output<typeof chargerSchema>;
type ChargerConfigIn = z.input<typeof chargerSchema>;
type BreakerOut = z.output<typeof breakerSchema>;
type Strategy = z.output<typeof strategySchema>;

/** One electrical panel and everything behind its breaker (written out: zod cannot infer a recursive type). */
export interface PanelConfig {
  id: string;
  breaker: BreakerOut;
  /** Always this budget, whatever the demand (a panel without sub-panels only). */
  fixedBudgetKw?: number | undefined;
  /** Budget reserved while the panel is silent or has never reported; default: the site's. */
  conservativeKw?: number | undefined;
  /** Weight when the headroom above the minimums is shared among sibling panels. */
  priority: number;
  strategy?: Strategy | undefined;
  chargers: ChargerConfigOut[];
  children: PanelConfig[];
}

/** A panel as written in the file (defaults not yet applied). */
export interface PanelConfigInput {
  id: string;
  breaker: z.input<typeof breakerSchema>;
  fixedBudgetKw?: number | undefined;
  conservativeKw?: number | undefined;
  priority?: number | undefined;
  strategy?: Strategy | undefined;
  chargers?: ChargerConfigIn[] | undefined;
  children?: PanelConfigInput[] | undefined;
}

/**
 * One electrical panel and everything behind its breaker: its own chargers (served by its panel-engine)
 * and its sub-panels, to any depth.
 */
export const panelSchema: z.ZodType<PanelConfig, PanelConfigInput> = z.lazy(() =>
  z
    .object({
      id: idSchema,
      breaker: breakerSchema,
      fixedBudgetKw: kwSchema.optional(),
      conservativeKw: kwSchema.optional(),
      priority: z.number().positive().default(1),
      strategy: strategySchema.optional(),
      chargers: z.array(chargerSchema).default([]),
      children: z.array(panelSchema).default([]),
    })
    .strict(),
);

export type Breaker = BreakerOut;
export type ChargerConfig = ChargerConfigOut;
export type PhaseAmps = z.output<typeof phaseAmpsSchema>;
