import { mqttConnectionSchema } from "@smart-charge/service-kit";
import {
  chargerSchema,
  checkChargerList,
  phaseAmpsSchema,
  timeOfUseWindowSchema,
} from "@smart-charge/site-config";
import { z } from "zod";
import { leaseTiming, leaseTimingIssues } from "./lease-timing.js";

const id = z.string().min(1).max(128);
const kw = z.number().finite().nonnegative();
// The charger, breaker and time-of-use fields are the site file's, so an engine file can be derived from it.
const charger = chargerSchema;
const phaseAmps = phaseAmpsSchema;
const timeOfUseWindow = timeOfUseWindowSchema;

/**
 * A panel-engine's configuration file (JSON). Every limit is checked here, before the engine connects to
 * anything: a wrong file stops start-up with a message that names the field.
 */
export const panelEngineConfigSchema = z
  .object({
    site: id,
    panel: id,
    /**
     * Names this engine in logs, status and its MQTT client id. Keep it stable across restarts (the
     * broker keeps the engine's messages under it) and distinct between active and standby engines.
     */
    instanceId: id.default("primary"),
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
    mqtt: mqttConnectionSchema,
    http: z
      .object({ host: z.string().default("0.0.0.0"), port: z.int().min(0).max(65535).default(8080) })
      .strict()
      // prefault: an absent section is parsed as {}, so the field defaults above are the only ones.
      .prefault({}),
    timing: z
      .object({
        /** Recompute even without events (time-of-use windows, rotation, expiring budgets). */
        recomputeIntervalMs: z.int().min(100).default(10_000),
        /** How long a profile stays valid on the charger; it is refreshed at half of that. */
        profileTtlS: z.int().min(30).default(600),
        /** How long an unconfirmed decrease blocks raises before it is taken as applied. */
        raiseHoldMs: z.int().min(0).default(15_000),
        /**
         * A changed panel status goes out at most this often (a newly applied budget at once): the
         * site-master and operators need the latest state, not one message per session event.
         */
        statusMinIntervalMs: z.int().min(0).max(10_000).default(250),
        ...leaseTiming,
      })
      .strict()
      .prefault({}),
    /**
     * The TxDefaultProfile each charger gets once (connector/EVSE 0): what it falls back to when the
     * engine's TxProfiles expire because no engine runs. Per connector; default: the safe default budget
     * shared among the panel's chargers, capped by each charger's rating.
     */
    failSafe: z
      .object({
        enabled: z.boolean().default(true),
        kwPerConnector: kw.optional(),
        /**
         * Keep every idle charger's fail-safe out of the budget shared among running sessions: a car
         * that plugs in draws it before the engine hears of the session. Safer, less power to share.
         */
        reserveForIdleChargers: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
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
    checkChargerList(config.chargers, ctx);
    for (const issue of leaseTimingIssues(config.timing)) ctx.addIssue({ code: "custom", ...issue });
    if (config.failSafe.kwPerConnector !== undefined && config.failSafe.kwPerConnector > safe.kw) {
      ctx.addIssue({
        code: "custom",
        path: ["failSafe", "kwPerConnector"],
        message: `must not exceed safeDefaultBudget.kw (${safe.kw})`,
      });
    }
    if (config.strategy === "TIME_OF_USE" && config.timeOfUse === undefined) {
      ctx.addIssue({ code: "custom", path: ["timeOfUse"], message: "is required for strategy TIME_OF_USE" });
    }
  });

export type PanelEngineConfig = z.output<typeof panelEngineConfigSchema>;
export type PanelEngineConfigInput = z.input<typeof panelEngineConfigSchema>;
export type ChargerConfig = PanelEngineConfig["chargers"][number];
