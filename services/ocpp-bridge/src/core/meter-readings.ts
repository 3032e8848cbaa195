import type { Phase } from "@smart-charge/contracts";

/** One sampled value, in the shape shared by OCPP 1.6 (value as text, `unit`) and 2.x (`unitOfMeasure`). */
export interface Sample {
  value: number;
  measurand?: string | undefined;
  phase?: string | undefined;
  unit?: string | undefined;
  /** 2.x `unitOfMeasure.multiplier`: the value is scaled by 10^multiplier. */
  multiplier?: number | undefined;
}

export interface Reading {
  powerKw?: number;
  phaseAmps?: Partial<Record<Phase, number>>;
  energyKwh?: number;
  socPercent?: number;
}

const PHASES = ["L1", "L2", "L3"] as const;
/** OCPP's default measurand when a sample names none. */
const DEFAULT_MEASURAND = "Energy.Active.Import.Register";

function scaled(sample: Sample): number {
  return sample.value * 10 ** (sample.multiplier ?? 0);
}

/** In kilo-units: W and Wh are the OCPP defaults, kW and kWh are allowed. */
function inKilo(sample: Sample): number {
  const unit = sample.unit?.toLowerCase();
  return unit === "kw" || unit === "kwh" ? scaled(sample) : scaled(sample) / 1000;
}

/** "L2" or "L2-N" → index 1; line-to-line and neutral readings are not a conductor's current. */
function phaseIndex(phase: string | undefined): number | undefined {
  const match = /^L([123])(-N)?$/.exec(phase ?? "");
  return match ? Number(match[1]) - 1 : undefined;
}

/**
 * What a meter reading says about a session, from the samples of one meterValue. The charger numbers its
 * own phases; `panelPhases` says which panel conductor each is wired to (a 1-phase charger on L2 reports
 * its current as L1). Negative import is read as 0: the contract credits no export.
 */
export function readSamples(samples: readonly Sample[], panelPhases: readonly Phase[]): Reading {
  const reading: Reading = {};
  let phasePowerKw: number | undefined;
  for (const sample of samples) {
    if (!Number.isFinite(sample.value)) continue;
    const measurand = sample.measurand ?? DEFAULT_MEASURAND;
    const index = phaseIndex(sample.phase);
    if (measurand === "Power.Active.Import") {
      if (sample.phase === undefined) reading.powerKw = Math.max(0, inKilo(sample));
      else if (index !== undefined) phasePowerKw = (phasePowerKw ?? 0) + Math.max(0, inKilo(sample));
    } else if (measurand === "Current.Import" && index !== undefined) {
      const conductor = panelPhases[index] ?? PHASES[index];
      if (conductor !== undefined)
        reading.phaseAmps = { ...reading.phaseAmps, [conductor]: Math.max(0, scaled(sample)) };
    } else if (measurand === "Energy.Active.Import.Register" && sample.phase === undefined) {
      reading.energyKwh = Math.max(0, inKilo(sample));
    } else if (measurand === "SoC") {
      reading.socPercent = Math.min(100, Math.max(0, scaled(sample)));
    }
  }
  if (reading.powerKw === undefined && phasePowerKw !== undefined) reading.powerKw = phasePowerKw;
  return reading;
}
