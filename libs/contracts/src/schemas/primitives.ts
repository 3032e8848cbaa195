/**
 * Building blocks shared by every message. Units live in field names (Kw, Amps, Kwh) because a bare
 * number on the wire is the classic way to deliver watts to a reader expecting kilowatts.
 */
import { z } from "zod";

/** A site, panel, charger or component id. Any characters; topic builders escape them. */
export const idSchema = z.string().min(1).max(128);

/** Power in kW: finite and never negative (a negative budget or cap has no physical meaning here). */
export const powerKwSchema = z.number().nonnegative();

/** Current in A per phase conductor: finite and never negative. */
export const currentAmpsSchema = z.number().nonnegative();

/** ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`), as OCPP uses. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** Monotonic counters (fencing epoch, budget sequence): safe non-negative integers. */
export const counterSchema = z.int().nonnegative();

export const phaseSchema = z.enum(["L1", "L2", "L3"]).describe("A phase conductor of the panel.");
export type Phase = z.infer<typeof phaseSchema>;

export const phaseCountSchema = z.literal([1, 2, 3]).describe("Number of AC phases the connector supplies.");
export type PhaseCount = z.infer<typeof phaseCountSchema>;

export const ocppVersionSchema = z
  .enum(["1.6", "2.0.1", "2.1"])
  .describe("OCPP version spoken to the charger.");
export type OcppVersion = z.infer<typeof ocppVersionSchema>;

export const strategySchema = z.enum(["EQUAL_SHARE", "PRIORITY", "TIME_OF_USE"]);
export type Strategy = z.infer<typeof strategySchema>;

export const limitReasonSchema = z
  .enum(["budget", "phase", "hardware-cap", "ev-cap", "minimum", "paused", "strategy"])
  .describe("What bound a session's allocation.");
export type LimitReason = z.infer<typeof limitReasonSchema>;

/** Per-phase current limits, all three conductors. */
export const phaseAmpsSchema = z
  .object({ L1: currentAmpsSchema, L2: currentAmpsSchema, L3: currentAmpsSchema })
  .describe("Current per phase conductor in A.");
export type PhaseAmps = z.infer<typeof phaseAmpsSchema>;

/**
 * OCPP 1.6 sends transaction ids as integers, OCPP 2.x as strings; readers always get a string so that
 * `1` and `"1"` are the same session everywhere downstream.
 */
export const transactionIdSchema = z
  .union([z.string().min(1).max(64), z.int()], { error: "expected a non-empty string or an integer" })
  .transform((id) => String(id))
  .describe("OCPP transaction id; integers (OCPP 1.6) are read as their decimal string.");

/** OCPP 1.6 connectorId or OCPP 2.x evseId; the allocation library calls both `connectorId`. */
export const connectorIdSchema = z
  .int()
  .positive()
  .describe("OCPP 1.6 connectorId, or OCPP 2.x evseId (not the connector inside the EVSE).");

/** Request correlation id chosen by the sender; echoed in the answer. */
export const correlationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,36}$/, "expected 1-36 characters from A-Z a-z 0-9 . _ : -")
  .describe(
    "Unique id chosen by the sender (a UUID fits); at most 36 characters, so an OCPP-J message id too.",
  );

/** An MQTT topic a reply should go to; wildcards would make it unpublishable. */
export const replyTopicSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[^+#]+$/, "a reply topic cannot contain the wildcards + or #")
  .describe("Topic the answer is published to (MQTT 3.1.1 stand-in for the MQTT 5 response topic).");
