/**
 * Reproducible session sets for the benchmark. Both engines receive exactly these objects (the fields
 * the seed package knows), so they solve the same problem.
 */

/** The session fields common to our engine and ocpp-smart-charge-engine 0.3.0. */
export interface BenchSession {
  transactionId: number;
  clientId: string;
  connectorId: number;
  maxHardwarePowerKw: number;
  maxEvAcceptancePowerKw: number;
  minChargeRateKw: number;
  priority: number;
  phases: 1 | 3;
}

export const SCENARIOS = ["realistic mix", "every cap distinct"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Every session asks for at least 6 A on one phase (1.4 kW). */
export const MIN_CHARGE_KW = 1.4;
/** The grid limit is this share of the sum of the sessions' caps: oversubscribed, minimums still fit. */
export const GRID_SHARE_OF_CAPS = 0.4;

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

function pick<T>(random: () => number, table: Weighted<T>): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  const last = table[table.length - 1];
  if (last === undefined) throw new Error("empty table");
  return last[0];
}

/** Charger ratings (kW) and how common they are: mostly AC wallboxes, some DC fast chargers. */
const RATINGS: Weighted<number> = [
  [3.7, 10],
  [7.4, 25],
  [11, 30],
  [22, 20],
  [50, 10],
  [150, 5],
];
/** What the car accepts: its on-board charger on AC, its DC peak on DC. */
const AC_EV_KW: Weighted<number> = [
  [3.7, 15],
  [7.4, 25],
  [11, 45],
  [22, 15],
];
const DC_EV_KW: Weighted<number> = [
  [50, 20],
  [100, 35],
  [150, 30],
  [250, 15],
];

/**
 * `count` sessions. In the realistic mix the effective caps (min of charger and EV) take only a handful
 * of values; with every cap distinct, each EV accepts a different whole number of watts between half the
 * charger rating and the rating, so the caps are all distinct even after rounding to watts.
 */
export function makeSessions(scenario: Scenario, count: number, seed = 42): BenchSession[] {
  const random = mulberry32(seed ^ count);
  const usedCapsW = new Set<number>();
  return Array.from({ length: count }, (_, i) => {
    const rating = pick(random, RATINGS);
    const dc = rating >= 50;
    let evKw: number;
    if (scenario === "realistic mix") {
      evKw = pick(random, dc ? DC_EV_KW : AC_EV_KW);
    } else {
      const ratingW = Math.round(rating * 1000);
      let capW: number;
      do capW = Math.floor(ratingW / 2 + random() * (ratingW / 2));
      while (usedCapsW.has(capW));
      usedCapsW.add(capW);
      evKw = capW / 1000;
    }
    return {
      transactionId: i + 1,
      clientId: `CP-${String(Math.floor(i / 2) + 1).padStart(5, "0")}`,
      connectorId: (i % 2) + 1,
      maxHardwarePowerKw: rating,
      maxEvAcceptancePowerKw: evKw,
      minChargeRateKw: MIN_CHARGE_KW,
      priority: 1 + Math.floor(random() * 3),
      phases: rating <= 7.4 ? 1 : 3,
    };
  });
}

/** Effective cap of a session in kW, as both engines compute it. */
export function capKw(s: BenchSession): number {
  return Math.min(s.maxHardwarePowerKw, s.maxEvAcceptancePowerKw);
}

/** Grid limit for a session set (kW, rounded down to 0.1 kW); throws if the minimums would not fit. */
export function gridLimitKw(sessions: readonly BenchSession[]): number {
  const caps = sessions.reduce((sum, s) => sum + capKw(s), 0);
  const grid = Math.floor(caps * GRID_SHARE_OF_CAPS * 10) / 10;
  if (sessions.length * MIN_CHARGE_KW > grid) throw new Error("benchmark setup: minimums do not fit");
  return grid;
}

/** Number of distinct effective caps (in whole watts). */
export function distinctCaps(sessions: readonly BenchSession[]): number {
  return new Set(sessions.map((s) => Math.floor(capKw(s) * 1000 + 1e-6))).size;
}
