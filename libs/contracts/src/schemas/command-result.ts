import { z } from "zod";
import { correlationIdSchema, idSchema, timestampSchema } from "./primitives.js";

export const commandStatusSchema = z
  .enum(["Accepted", "Rejected", "NotSupported"])
  .describe(
    "Accepted: the charger accepted the request (a ClearChargingProfile answered `Unknown`, no profile " +
      "matched, is also Accepted since no limit remains). Rejected: the charger refused it, the bridge " +
      "dropped it (fenced or expired) or the charger did not answer; say which in `reason`. NotSupported: " +
      "the charger or the bridge does not implement the action (OCPP NotSupported / NotImplemented).",
  );
export type CommandStatus = z.infer<typeof commandStatusSchema>;

export const commandResultSchema = z
  .object({
    messageId: correlationIdSchema.describe("The `messageId` of the profile command this answers."),
    chargerId: idSchema.describe("OCPP identity of the charger (the same id as in the topic)."),
    status: commandStatusSchema,
    reason: z
      .string()
      .max(512)
      .optional()
      .describe(
        "Why, in a few words: `fenced`, `expired`, `timeout`, `offline`, or the charger's OCPP status / " +
          "reason code.",
      ),
    at: timestampSchema.describe("When the bridge decided the status."),
  })
  .describe("Result of a profile command (OCPP bridge → panel-engine).");

export type CommandResult = z.infer<typeof commandResultSchema>;
