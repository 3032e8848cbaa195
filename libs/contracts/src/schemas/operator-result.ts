import { z } from "zod";
import { correlationIdSchema, timestampSchema } from "./primitives.js";

export const fieldErrorSchema = z
  .object({
    field: z.string().describe("Dotted path of the offending field, `(json)` or `(root)`."),
    message: z.string(),
  })
  .describe("Why a message or command was refused.");

export const operatorResultSchema = z
  .object({
    requestId: correlationIdSchema.describe("The `requestId` of the command this answers."),
    ok: z.boolean(),
    error: fieldErrorSchema.optional().describe("Present exactly when ok is false."),
    applied: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("The values now in force, when ok is true (e.g. the clamped limit)."),
    at: timestampSchema.optional(),
  })
  .refine((r) => r.ok === (r.error === undefined), {
    path: ["error"],
    message: "must be present exactly when ok is false",
  })
  .describe("Result of an operator command (site-master or panel-engine → operator).");

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type OperatorResult = z.infer<typeof operatorResultSchema>;
