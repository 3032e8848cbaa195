import { z } from "zod";
import { expiryRule } from "./checks.js";
import {
  correlationIdSchema,
  counterSchema,
  idSchema,
  ocppVersionSchema,
  timestampSchema,
} from "./primitives.js";

export const profileActionSchema = z
  .enum(["SetChargingProfile", "ClearChargingProfile"])
  .describe("The OCPP request the bridge sends to the charger.");
export type ProfileAction = z.infer<typeof profileActionSchema>;

/**
 * A charging-profile command for one charger. The OCPP request is built by the engine and carried opaque,
 * so a bridge only relays it; the envelope around it carries what a bridge must check first.
 */
export const profileCommandSchema = z
  .object({
    messageId: correlationIdSchema.describe(
      "Unique id of this command; the bridge answers with it and may reuse it as the OCPP-J message id.",
    ),
    site: idSchema,
    panel: idSchema.describe("Panel whose engine sent the command."),
    chargerId: idSchema.describe("OCPP identity of the target charger (the same id as in the topic)."),
    connectorId: z
      .int()
      .nonnegative()
      .describe("OCPP 1.6 connectorId or OCPP 2.x evseId the profile applies to; 0 means the whole charger."),
    action: profileActionSchema,
    ocppVersion: ocppVersionSchema.describe("OCPP version the payload is written for."),
    payload: z
      .record(z.string(), z.unknown())
      .describe(
        "The OCPP request body (SetChargingProfile.req / SetChargingProfileRequest, or the Clear variant) " +
          "for `ocppVersion`, ready to send as the CALL payload.",
      ),
    epoch: counterSchema.describe(
      "Fencing epoch of the sending engine. Drop the command if a higher epoch was already seen for this " +
        "charger; remember the highest epoch seen (see createFence).",
    ),
    issuedAt: timestampSchema,
    expiresAt: timestampSchema
      .optional()
      .describe("Do not send the command to the charger after this instant; later than issuedAt."),
  })
  .refine(expiryRule.check, expiryRule.params)
  .describe("Charging-profile command (panel-engine → OCPP bridge). Never retained.");

export type ProfileCommand = z.infer<typeof profileCommandSchema>;
