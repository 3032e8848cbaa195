import { mqttConnectionSchema } from "@smart-charge/service-kit";
import { z } from "zod";
import { idSchema, kwSchema, panelSchema, phaseAmpsSchema } from "./panel-schema.js";
import { checkPanelTree } from "./tree-rules.js";
import { walkPanels } from "./walk-panels.js";

export const timeOfUseWindowSchema = z
  .object({
    peakStartHour: z.int().min(0).max(23),
    peakEndHour: z.int().min(0).max(23),
    peakPowerMultiplier: z.number().min(0).max(1),
  })
  .strict();

export const TIMING_DEFAULTS = {
  raiseHoldMs: 15_000,
  panelSilentAfterMs: 30_000,
  republishIntervalMs: 10_000,
  budgetTtlMs: 30_000,
  startupSettleMs: 2_000,
} as const;

export const METER_DEFAULTS = { enabled: false, holdDownMs: 60_000, silentAfterMs: 30_000, fallbackKw: 0 };

const timingSchema = z
  .object({
    /** How long an unconfirmed decrease blocks raises of other panels, for a panel that keeps reporting. */
    raiseHoldMs: z.int().min(0).default(TIMING_DEFAULTS.raiseHoldMs),
    /** A panel not heard for this long is silent and gets its conservative budget. */
    panelSilentAfterMs: z.int().min(1_000).default(TIMING_DEFAULTS.panelSilentAfterMs),
    /** Budgets are published again this often (new sequence, new expiry), even when unchanged. */
    republishIntervalMs: z.int().min(100).default(TIMING_DEFAULTS.republishIntervalMs),
    /** A budget expires this long after it is issued; the panel-engine then falls back to its safe default. */
    budgetTtlMs: z.int().min(1_000).default(TIMING_DEFAULTS.budgetTtlMs),
    /** At start, how long to wait for the panels' retained status before the first division. */
    startupSettleMs: z.int().min(0).default(TIMING_DEFAULTS.startupSettleMs),
  })
  .strict()
  .default(TIMING_DEFAULTS);

const meterSchema = z
  .object({
    enabled: z.boolean().default(METER_DEFAULTS.enabled),
    /** A drop of the measured non-EV load is believed only after it stayed lower this long. */
    holdDownMs: z.int().min(0).default(METER_DEFAULTS.holdDownMs),
    /** Without a reading for this long the meter is silent and fallbackKw is assumed. */
    silentAfterMs: z.int().min(1_000).default(METER_DEFAULTS.silentAfterMs),
    /** Non-EV load assumed while the meter is silent (and before its first reading). */
    fallbackKw: kwSchema.default(METER_DEFAULTS.fallbackKw),
    /** Non-EV current per conductor assumed while silent; default fallbackKw on every conductor. */
    fallbackPhaseAmps: phaseAmpsSchema.optional(),
  })
  .strict()
  .default(METER_DEFAULTS);

/**
 * The site file: the grid connection, the panel tree, and the site-master's own settings. Every limit is
 * checked before anything connects; a wrong file stops start-up naming the field.
 */
export const siteConfigSchema = z
  .object({
    site: idSchema,
    grid: z.object({ kw: kwSchema.positive(), phaseAmps: phaseAmpsSchema.optional() }).strict(),
    safetyMarginPct: z.number().min(0).max(99).default(0),
    voltageV: z.number().positive().max(1000).default(230),
    timeOfUse: z
      .object({ windows: z.array(timeOfUseWindowSchema).min(1), timeZone: z.string().min(1).optional() })
      .strict()
      .optional(),
    /** Budget reserved for a panel that is silent or never reported, unless the panel sets its own. */
    conservativePanelKw: kwSchema.default(0),
    panels: z.array(panelSchema).min(1),
    mqtt: mqttConnectionSchema,
    redis: z
      .object({ url: z.string().min(1), keyPrefix: z.string().optional() })
      .strict()
      .optional(),
    http: z
      .object({ host: z.string().default("0.0.0.0"), port: z.int().min(0).max(65535).default(8090) })
      .strict()
      .prefault({}),
    timing: timingSchema,
    meter: meterSchema,
  })
  .strict()
  .superRefine((config, ctx) => {
    checkPanelTree(config, ctx);
    const { timing } = config;
    if (timing.budgetTtlMs <= timing.republishIntervalMs)
      ctx.addIssue({
        code: "custom",
        path: ["timing", "budgetTtlMs"],
        message: `must be longer than timing.republishIntervalMs (${timing.republishIntervalMs})`,
      });
    if (timing.panelSilentAfterMs <= timing.republishIntervalMs)
      ctx.addIssue({
        code: "custom",
        path: ["timing", "panelSilentAfterMs"],
        message: `must be longer than timing.republishIntervalMs (${timing.republishIntervalMs})`,
      });
    for (const { panel, path } of walkPanels(config.panels)) {
      if (panel.strategy === "TIME_OF_USE" && config.timeOfUse === undefined)
        ctx.addIssue({
          code: "custom",
          path: [...path, "strategy"],
          message: "TIME_OF_USE needs the site's timeOfUse windows",
        });
    }
  });

export type SiteConfig = z.output<typeof siteConfigSchema>;
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteTiming = SiteConfig["timing"];
export type MeterConfig = SiteConfig["meter"];
export type TimeOfUseConfig = NonNullable<SiteConfig["timeOfUse"]>;
