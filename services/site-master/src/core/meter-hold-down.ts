import type { SiteMeter } from "@smart-charge/contracts";
import { kwToWCeil, phaseAmps, type Limit } from "./limits.js";

export interface MeterSettings {
  readonly enabled: boolean;
  readonly holdDownMs: number;
  readonly silentAfterMs: number;
  readonly fallbackKw: number;
  readonly fallbackPhaseAmps?: { L1: number; L2: number; L3: number } | undefined;
}

interface Reading {
  readonly at: number;
  readonly load: Limit;
}

/**
 * The non-EV load the division subtracts, from the site meter. A rise counts at once; a drop only once
 * the load stayed lower for holdDownMs (the highest reading of that window counts), so a kettle switching
 * off and on does not swing every panel's budget. Silent meter: the configured fallback.
 */
export class MeterHoldDown {
  private readings: Reading[] = [];

  constructor(
    private readonly settings: MeterSettings,
    private readonly voltageV: number,
  ) {}

  /** Records a reading received at `now`; returns false for one measured too long ago to count. */
  record(meter: SiteMeter, now: number): boolean {
    if (now - Date.parse(meter.measuredAt) >= this.settings.silentAfterMs) return false;
    const w = kwToWCeil(meter.nonEvLoadKw);
    // Without per-phase figures the whole load might sit on any one conductor.
    const amps = meter.phaseAmps ?? phaseAmps(() => w / this.voltageV);
    this.readings.push({ at: now, load: { w, amps } });
    return true;
  }

  /** The load to subtract now; undefined when no meter is configured. */
  loadAt(now: number): Limit | undefined {
    if (!this.settings.enabled) return undefined;
    const last = this.readings[this.readings.length - 1];
    if (last === undefined || now - last.at >= this.settings.silentAfterMs) return this.fallback();
    // A reading holds until the next one: keep the last reading that started before the window too.
    const windowStart = now - this.settings.holdDownMs;
    const first = this.readings.findIndex((r) => r.at > windowStart);
    const keepFrom = first === -1 ? this.readings.length - 1 : Math.max(0, first - 1);
    this.readings = this.readings.slice(keepFrom);
    return this.readings.reduce<Limit>(
      (max, r) => ({
        w: Math.max(max.w, r.load.w),
        amps: phaseAmps((p) => Math.max(max.amps?.[p] ?? 0, r.load.amps?.[p] ?? 0)),
      }),
      { w: 0, amps: phaseAmps(() => 0) },
    );
  }

  isSilent(now: number): boolean {
    const last = this.readings[this.readings.length - 1];
    return this.settings.enabled && (last === undefined || now - last.at >= this.settings.silentAfterMs);
  }

  private fallback(): Limit {
    const w = kwToWCeil(this.settings.fallbackKw);
    const given = this.settings.fallbackPhaseAmps;
    return { w, amps: phaseAmps((p) => given?.[p] ?? w / this.voltageV) };
  }
}
