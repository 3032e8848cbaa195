import { z } from "zod";
import { idSchema, phaseAmpsSchema, powerKwSchema, timestampSchema } from "./primitives.js";

/**
 * Load on the grid connection that is not EV charging. Never negative: on-site generation is not credited,
 * because a cloud over the PV would otherwise hand its output to the chargers before the next reading.
 */
export const siteMeterSchema = z
  .object({
    site: idSchema,
    nonEvLoadKw: powerKwSchema.describe(
      "Measured non-EV load in kW; report 0, not a negative value, on export.",
    ),
    phaseAmps: phaseAmpsSchema.optional().describe("Measured non-EV current per phase conductor in A."),
    measuredAt: timestampSchema,
  })
  .describe(
    "Site meter reading (meter → site-master). Not retained: a reader judges staleness by measuredAt.",
  );

export type SiteMeter = z.infer<typeof siteMeterSchema>;
