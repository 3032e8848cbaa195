import type {
  MeterValues,
  OcppVersion,
  Phase,
  SessionStarted,
  SessionStopped,
  SessionUpdated,
} from "@smart-charge/contracts";
import type { ChargerConfig } from "../config/config-schema.js";
import { readSamples, type Reading, type Sample } from "./meter-readings.js";

export interface SessionKey {
  chargerId: string;
  transactionId: string;
  connectorId: number;
  ocppVersion: OcppVersion;
  /** When the bridge observed the event (ISO 8601). */
  at: string;
}

const DEFAULT_WIRING: Record<1 | 2 | 3, Phase[]> = { 1: ["L1"], 2: ["L1", "L2"], 3: ["L1", "L2", "L3"] };

/** The panel conductors the charger's phases are wired to, in the charger's phase order. */
export function wiringOf(charger: ChargerConfig): Phase[] {
  return charger.panelPhases ?? DEFAULT_WIRING[charger.phases];
}

/** A started session with the charger's configured facts; the panel-engine needs nothing else. */
export function startedEvent(charger: ChargerConfig, key: SessionKey): SessionStarted {
  return {
    type: "started",
    ...key,
    phases: charger.phases,
    panelPhases: wiringOf(charger),
    ...(charger.maxHardwarePowerKw !== undefined ? { maxHardwarePowerKw: charger.maxHardwarePowerKw } : {}),
    ...(charger.minChargeRateKw !== undefined ? { minChargeRateKw: charger.minChargeRateKw } : {}),
    ...(charger.priority !== undefined ? { priority: charger.priority } : {}),
  };
}

export function stoppedEvent(key: SessionKey, reason: string | undefined): SessionStopped {
  return { type: "stopped", ...key, ...(reason !== undefined ? { reason: reason.slice(0, 256) } : {}) };
}

/** A meter-values event, or null when the reading has no active power (the one field the contract needs). */
export function meterValuesEvent(key: SessionKey, reading: Reading): MeterValues | null {
  const { powerKw, ...rest } = reading;
  if (powerKw === undefined) return null;
  return { type: "meter-values", ...key, powerKw, ...rest };
}

/** The meter-values event of a charger's latest samples, if they carry active power. */
export function meterEventsOf(
  key: SessionKey,
  samples: readonly Sample[],
  charger: ChargerConfig,
): MeterValues[] {
  const event = meterValuesEvent(key, readSamples(samples, wiringOf(charger)));
  return event === null ? [] : [event];
}

/** What the EV says it can take now, as a cap on its session (2.x charging needs). */
export function evLimitsEvent(
  key: SessionKey,
  limits: { maxEvAcceptancePowerKw?: number; minChargeRateKw?: number },
): SessionUpdated {
  return { type: "updated", ...key, ...limits };
}
