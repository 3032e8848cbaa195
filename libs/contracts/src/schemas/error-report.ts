import { z } from "zod";
import { idSchema, timestampSchema } from "./primitives.js";
import { fieldErrorSchema } from "./operator-result.js";

/**
 * A component reports what it refused or failed at, so a broken bridge shows up on the bus and not only
 * in one process's log. `code` is a plain string so that new codes do not break older readers.
 */
export const errorReportSchema = z
  .object({
    source: idSchema.describe("The reporting component (the same id as in the topic)."),
    code: z
      .string()
      .min(1)
      .max(64)
      .describe(
        "Known codes: invalid-message, topic-mismatch, fenced, expired, unknown-charger, budget-expired, internal.",
      ),
    error: fieldErrorSchema,
    topic: z.string().optional().describe("Topic of the message that caused the error, if any."),
    at: timestampSchema,
  })
  .describe("Error report (any component → operators). Not retained.");

export type ErrorReport = z.infer<typeof errorReportSchema>;
