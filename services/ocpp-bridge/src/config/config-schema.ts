import { mqttConnectionSchema } from "@smart-charge/service-kit";
import { checkChargerList } from "@smart-charge/site-config";
import { z } from "zod";

const id = z.string().min(1).max(128);
const kw = z.number().finite().nonnegative();
const phase = z.enum(["L1", "L2", "L3"]);
const port = z.int().min(0).max(65535);

/** What the bridge tells the panel-engine about a charger in `started`; none of it depends on the panel. */
const charger = z
  .object({
    id: id.describe("OCPP identity: the last path segment of the charger's websocket URL."),
    /** Security profile 1: HTTP Basic password the charger must present (username = its identity). */
    password: z.string().min(1).optional(),
    phases: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(3),
    panelPhases: z.array(phase).min(1).max(3).optional(),
    maxHardwarePowerKw: kw.optional(),
    minChargeRateKw: kw.optional(),
    priority: z.number().optional(),
  })
  .strict();

/**
 * An OCPP bridge's configuration file (JSON). Every field is checked before anything connects; a wrong
 * file stops start-up with a message that names the field.
 */
export const bridgeConfigSchema = z
  .object({
    site: id,
    /** Names this bridge in logs, its MQTT client id and its error reports (`errors/{bridgeId}`). */
    bridgeId: id.default("ocpp-bridge"),
    ocpp: z
      .object({
        host: z.string().default("0.0.0.0"),
        port: port.default(9000),
        /** How long the bridge waits for a charger to answer a profile request before reporting `timeout`. */
        callTimeoutMs: z.int().min(100).default(30_000),
        /** Heartbeat interval the bridge asks for in its BootNotification answer. */
        heartbeatIntervalS: z.int().min(1).default(300),
      })
      .strict()
      .prefault({}),
    chargers: z.array(charger).min(1),
    /** The TxDefaultProfile installed on connector/EVSE 0 at every boot: what a charger runs at on its own. */
    failSafe: z.object({ limitKw: kw }).strict(),
    /** Phase-to-neutral voltage, to turn the fail-safe limit and EV currents into power. */
    voltageV: z.number().positive().max(1000).default(230),
    mqtt: mqttConnectionSchema,
    http: z
      .object({ host: z.string().default("0.0.0.0"), port: port.default(8081) })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    checkChargerList(config.chargers, ctx);
  });

export type BridgeConfig = z.output<typeof bridgeConfigSchema>;
export type BridgeConfigInput = z.input<typeof bridgeConfigSchema>;
export type ChargerConfig = BridgeConfig["chargers"][number];
