/** fast-check generators for random engine output and every builder option combination that is valid. */
import type { PhaseCount, SessionProfile } from "@smart-charge/allocation";
import fc from "fast-check";
import type { CommonProfileOptions, ManualSchedulePeriod, PowerSchedulePeriod } from "../options.js";

const phaseCount = fc.constantFrom<PhaseCount>(1, 2, 3);

/** Random SessionProfiles: whole watts, amps with one decimal (consistent with the watts or not), 1–3 phases. */
export const sessionArbitrary: fc.Arbitrary<SessionProfile> = fc
  .record({
    allocatedW: fc.integer({ min: 0, max: 50_000 }),
    phases: phaseCount,
    voltageV: fc.oneof(
      fc.integer({ min: 100, max: 277 }),
      fc.integer({ min: 1000, max: 2770 }).map((tenths) => tenths / 10),
    ),
    reportedAmps: fc.option(
      fc.integer({ min: 0, max: 800 }).map((tenths) => tenths / 10),
      { nil: undefined },
    ),
    transactionId: fc.oneof(
      fc.integer({ min: 1, max: 2_147_483_647 }),
      fc.integer({ min: 1, max: 999_999 }).map(String),
      fc.string({ minLength: 1, maxLength: 36 }),
    ),
    connectorId: fc.integer({ min: 1, max: 10 }),
    clientId: fc.string({ minLength: 1, maxLength: 20 }),
    minChargeRateKw: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 7400 }).map((watts) => watts / 1000),
    ),
  })
  .map(({ reportedAmps, ...fields }) => ({
    ...fields,
    allocatedKw: fields.allocatedW / 1000,
    // The engine's own rule: W / (V × phases), floored to 0.1 A.
    allocatedAmpsPerPhase:
      reportedAmps ?? Math.floor((fields.allocatedW * 10) / (fields.voltageV * fields.phases)) / 10,
    reason: "budget" as const,
    paused: false,
    panelPhases: (["L1", "L2", "L3"] as const).slice(0, fields.phases),
  }));

const periodGaps = fc.array(fc.integer({ min: 1, max: 7200 }), { maxLength: 7 });
function startsFromGaps(gaps: readonly number[]): number[] {
  const starts = [0];
  for (const gap of gaps) starts.push((starts.at(-1) ?? 0) + gap);
  return starts;
}

export const powerScheduleArbitrary: fc.Arbitrary<PowerSchedulePeriod[]> = periodGaps.chain((gaps) =>
  fc
    .array(fc.integer({ min: 0, max: 50_000 }), { minLength: gaps.length + 1, maxLength: gaps.length + 1 })
    .map((limits) =>
      startsFromGaps(gaps).map((startPeriod, index) => ({ startPeriod, limitW: limits[index] ?? 0 })),
    ),
);

export const manualPeriodsArbitrary: fc.Arbitrary<ManualSchedulePeriod[]> = periodGaps.chain((gaps) =>
  fc
    .array(fc.double({ min: 0, max: 50_000, noNaN: true }), {
      minLength: gaps.length + 1,
      maxLength: gaps.length + 1,
    })
    .map((limits) =>
      startsFromGaps(gaps).map((startPeriod, index) => ({ startPeriod, limit: limits[index] ?? 0 })),
    ),
);

const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });

/** Random common options; `fixCommon` then repairs the combinations OCPP forbids. */
export const commonOptionsArbitrary: fc.Arbitrary<CommonProfileOptions> = fc
  .record(
    {
      stackLevel: fc.integer({ min: 0, max: 20 }),
      rateUnit: fc.constantFrom("W" as const, "A" as const),
      numberPhases: phaseCount,
      periods: manualPeriodsArbitrary,
      schedule: powerScheduleArbitrary,
      now: fc.oneof(
        instant,
        instant.map((ms) => new Date(ms)),
      ),
      kind: fc.constantFrom("Absolute" as const, "Recurring" as const, "Relative" as const),
      recurrencyKind: fc.constantFrom("Daily" as const, "Weekly" as const),
      durationSeconds: fc.integer({ min: 1, max: 86_400 }),
      validTo: fc.integer({ min: 1, max: 86_400 }),
    },
    { requiredKeys: [] },
  )
  .map((raw) => {
    const options: CommonProfileOptions = { ...raw };
    // At most one schedule source; validTo is drawn as seconds after now.
    if (raw.periods !== undefined && raw.schedule !== undefined) delete options.schedule;
    if (raw.validTo !== undefined)
      options.validTo = (raw.now === undefined ? Date.UTC(2030, 0, 1) : Number(raw.now)) + raw.validTo * 1000;
    if (raw.kind === "Recurring") options.recurrencyKind = raw.recurrencyKind ?? "Daily";
    else delete options.recurrencyKind;
    return options;
  });

/** Makes the random options valid for the role: max profiles need an anchor, multi-period schedules too. */
export function fixCommon(
  options: CommonProfileOptions,
  stationMax: boolean,
  fallbackNow: number,
): CommonProfileOptions {
  const fixed = { ...options };
  const periodCount = (fixed.periods ?? fixed.schedule ?? [{}]).length;
  if (stationMax && (fixed.kind === "Relative" || fixed.kind === undefined)) {
    fixed.kind = "Absolute";
    fixed.now ??= fallbackNow;
  }
  if ((fixed.kind === "Absolute" || fixed.kind === "Recurring") && fixed.now === undefined)
    fixed.now = fallbackNow;
  if (fixed.kind === undefined && fixed.now === undefined && periodCount > 1) fixed.kind = "Relative";
  if (fixed.validTo !== undefined && fixed.now !== undefined && Number(fixed.validTo) <= Number(fixed.now))
    delete fixed.validTo;
  return fixed;
}
