import { z } from "zod";

const id = z.string().min(1).max(128);
const kw = z.number().finite().nonnegative();
const phaseAmps = z.object({ L1: kw, L2: kw, L3: kw }).strict();
const phase = z.enum(["L1", "L2", "L3"]);

const charger = z
  .object({
    id: id.describe("OCPP identity of the charger (the id in its MQTT topics)."),
    ocppVersion: z.enum(["1.6", "2.0.1", "2.1"]).default("1.6"),
    phases: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    panelPhases: z.array(phase).min(1).max(3).optional(),
    maxHardwarePowerKw: kw.optional(),
  })
  .strict();

const timeOfUseWindow = z
  .object({
    peakStartHour: z.int().min(0).max(23),
    peakEndHour: z.int().min(0).max(23),
    peakPowerMultiplier: z.number().min(0).max(1),
  })
  .strict();

/**
 * A panel-engine's configuration file (JSON). Every limit is checked here, before the engine connects to
 * anything: a wrong file stops start-up with a message that names the field.
 */
export const panelEngineConfigSchema = z
  .object({
    site: id,
    panel: id,
    /** Distinguishes active and standby engines of one panel in logs and status. */
    instanceId: id.default(`panel-engine-${process.pid}`),
    chargers: z.array(charger).min(1),
    breaker: z.object({ kw: kw.positive(), phaseAmps: phaseAmps.optional() }).strict(),
    /** Runs at this before any budget arrives, and when the budget expires. Never the breaker's rating. */
    safeDefaultBudget: z.object({ kw, phaseAmps: phaseAmps.optional() }).strict(),
    strategy: z.enum(["EQUAL_SHARE", "PRIORITY", "TIME_OF_USE"]).default("EQUAL_SHARE"),
    strictPriorityTiers: z.boolean().default(false),
    timeOfUse: z
      .object({ windows: z.array(timeOfUseWindow).min(1), timeZone: z.string().min(1).optional() })
      .strict()
      .optional(),
    safetyMarginPct: z.number().min(0).max(99).default(0),
    voltageV: z.number().positive().max(1000).default(230),
    minDwellMs: z.int().nonnegative().default(300_000),
    redis: z
      .object({ url: z.string().min(1), keyPrefix: z.string().optional() })
      .strict()
      .optional(),
    mqtt: z
      .object({
        url: z.string().min(1),
        username: z.string().optional(),
        password: z.string().optional(),
        clientId: z.string().optional(),
        protocolVersion: z.union([z.literal(4), z.literal(5)]).default(4),
        tls: z
          .object({
            caFile: z.string().optional(),
            certFile: z.string().optional(),
            keyFile: z.string().optional(),
            rejectUnauthorized: z.boolean().default(true),
          })
          .strict()
          .optional(),
      })
      .strict(),
    http: z
      .object({ host: z.string().default("0.0.0.0"), port: z.int().min(0).max(65535).default(8080) })
      .strict()
      .default({ host: "0.0.0.0", port: 8080 }),
    timing: z
      .object({
        /** Recompute even without events (time-of-use windows, rotation, expiring budgets). */
        recomputeIntervalMs: z.int().min(100).default(10_000),
        /** How long a profile stays valid on the charger; it is refreshed at half of that. */
        profileTtlS: z.int().min(30).default(600),
        /** How long an unconfirmed decrease blocks raises before it is taken as applied. */
        raiseHoldMs: z.int().min(0).default(15_000),
      })
      .strict()
      .default({ recomputeIntervalMs: 10_000, profileTtlS: 600, raiseHoldMs: 15_000 }),
  })
  .strict()
  .superRefine((config, ctx) => {
    const safe = config.safeDefaultBudget;
    if (safe.kw >= config.breaker.kw) {
      ctx.addIssue({
        code: "custom",
        path: ["safeDefaultBudget", "kw"],
        message: `must be below breaker.kw (${config.breaker.kw})`,
      });
    }
    for (const p of ["L1", "L2", "L3"] as const) {
      const rated = config.breaker.phaseAmps?.[p];
      const asked = safe.phaseAmps?.[p];
      if (rated !== undefined && asked !== undefined && asked > rated) {
        ctx.addIssue({
          code: "custom",
          path: ["safeDefaultBudget", "phaseAmps", p],
          message: `must not exceed breaker.phaseAmps.${p} (${rated})`,
        });
      }
    }
    const seen = new Set<string>();
    config.chargers.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: "custom",
          path: ["chargers", i, "id"],
          message: `duplicate charger id "${c.id}"`,
        });
      seen.add(c.id);
      if (c.panelPhases !== undefined && c.panelPhases.length !== (c.phases ?? 3)) {
        ctx.addIssue({
          code: "custom",
          path: ["chargers", i, "panelPhases"],
          message: `must list ${c.phases ?? 3} phase(s)`,
        });
      }
    });
    if (config.strategy === "TIME_OF_USE" && config.timeOfUse === undefined) {
      ctx.addIssue({ code: "custom", path: ["timeOfUse"], message: "is required for strategy TIME_OF_USE" });
    }
  });

export type PanelEngineConfig = z.output<typeof panelEngineConfigSchema>;
export type PanelEngineConfigInput = z.input<typeof panelEngineConfigSchema>;
export type ChargerConfig = PanelEngineConfig["chargers"][number];
