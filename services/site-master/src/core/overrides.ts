import { z } from "zod";

const amps = z.object({ L1: z.number(), L2: z.number(), L3: z.number() });

/**
 * What operators changed at run time, persisted so that a restarted site-master keeps it. Every value was
 * validated and clamped to the ratings before it got here.
 */
export const overridesSchema = z.object({
  gridLimit: z.object({ limitKw: z.number(), phaseAmps: amps.optional() }).optional(),
  safetyMargin: z
    .union([z.object({ marginKw: z.number() }), z.object({ marginPercent: z.number() })])
    .optional(),
  panelCaps: z.record(z.string(), z.object({ capKw: z.number().nullable(), phaseAmps: amps.nullable() })),
});

export type Overrides = z.output<typeof overridesSchema>;

export const NO_OVERRIDES: Overrides = { panelCaps: {} };
