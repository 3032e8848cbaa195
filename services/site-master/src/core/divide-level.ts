import { allocate, type ActiveSession } from "@smart-charge/allocation";
import { balancedAmps, PHASES, phaseAmps, type Limit, type PhaseAmps } from "./limits.js";

/** One share at one level of the tree: a panel's own engine, or a sub-panel with everything behind it. */
export interface LevelItem {
  readonly key: string;
  /** Honoured when the minimums of the level fit. */
  readonly loW: number;
  /** Fixed budgets and silent panels' reservations: honoured before others' minimums. */
  readonly reservedW: number;
  /** Most it can use (demand), before its own limit. */
  readonly hiW: number;
  readonly weight: number;
  /** Its breaker (and operator cap): never exceeded, per conductor too. */
  readonly limit: Limit;
}

export interface LevelShare {
  readonly w: number;
  /** Present whenever the level or the item limits a conductor; exact (rounded down when published). */
  readonly amps: PhaseAmps | undefined;
}

/**
 * Shares `capacity` among the items with the allocation solver, each item drawn as a balanced three-phase
 * load: reservations first, then minimums, then the rest by weight up to each item's demand. When the
 * minimums do not all fit, only the reservations are kept and everyone else shares what is left by
 * weight; each panel-engine then pauses its own cars in turn instead of one whole panel going dark.
 */
export function divideLevel(items: readonly LevelItem[], capacity: Limit, voltageV: number): LevelShare[] {
  const hi = items.map((item) => Math.max(0, Math.min(item.hiW, ceilingW(item.limit, voltageV))));
  const tiers = [
    items.map((item, i) => Math.min(Math.max(item.loW, item.reservedW), hi[i] ?? 0)),
    items.map((item, i) => Math.min(item.reservedW, hi[i] ?? 0)),
    items.map(() => 0),
  ];
  let watts: number[] = items.map(() => 0);
  for (const lo of tiers) {
    const result = solve(items, lo, hi, capacity, voltageV);
    if (result !== null) {
      watts = result;
      break;
    }
  }
  return shareConductors(items, watts, capacity, voltageV);
}

/** The most an item can take as a balanced load within its own limit. */
function ceilingW(limit: Limit, voltageV: number): number {
  if (limit.amps === undefined) return limit.w;
  const amps = Math.min(limit.amps.L1, limit.amps.L2, limit.amps.L3);
  return Math.min(limit.w, Math.floor(amps * 3 * voltageV));
}

function solve(
  items: readonly LevelItem[],
  lo: readonly number[],
  hi: readonly number[],
  capacity: Limit,
  voltageV: number,
): number[] | null {
  // The solver rounds minimums up, caps and the budget down, to whole watts from kW; half a watt either
  // way keeps 4350 W from becoming 4349 W through 4.35 × 1000, so a share that exactly holds its minimums
  // still does.
  const sessions: ActiveSession[] = items.map((item, i) => ({
    transactionId: item.key,
    clientId: item.key,
    connectorId: 1,
    maxHardwarePowerKw: ((hi[i] ?? 0) + 0.5) / 1000,
    minChargeRateKw: Math.max(0, (lo[i] ?? 0) - 0.5) / 1000,
    priority: item.weight,
    phases: 3,
    panelPhases: PHASES,
    addedAt: 0,
  }));
  const result = allocate({
    sessions,
    budget: {
      totalKw: (capacity.w + 0.5) / 1000,
      // Sums of exact currents differ from the current of the sum in the last bits; a nano-ampere of
      // tolerance keeps that from pausing a share that exactly fits. Published currents are rounded down.
      ...(capacity.amps === undefined
        ? {}
        : { phaseAmps: phaseAmps((p) => (capacity.amps?.[p] ?? 0) + 1e-9) }),
    },
    voltageV,
    strategy: { kind: "PRIORITY" },
    now: 0,
    minDwellMs: 0,
  });
  if (!result.feasible) return null;
  return result.profiles.map((p) => p.allocatedW);
}

/**
 * Current per conductor for each item: its balanced share of its power, then what the level's conductors
 * have left, shared equally, up to the most the item could put on one conductor (all its power, or its
 * breaker's rating). A panel of single-phase chargers on L1 thus gets L1 headroom the others do not use.
 */
function shareConductors(
  items: readonly LevelItem[],
  watts: readonly number[],
  capacity: Limit,
  voltageV: number,
): LevelShare[] {
  const limited = capacity.amps !== undefined || items.some((item) => item.limit.amps !== undefined);
  if (!limited) return watts.map((w) => ({ w, amps: undefined }));
  const perPhase = PHASES.map((phase) => {
    const base = watts.map((w, i) =>
      Math.min(balancedAmps(w, voltageV), items[i]?.limit.amps?.[phase] ?? Infinity),
    );
    const ceilings = watts.map((w, i) => Math.min(w / voltageV, items[i]?.limit.amps?.[phase] ?? Infinity));
    return waterFill(base, ceilings, capacity.amps?.[phase] ?? Infinity);
  });
  return watts.map((w, i) => ({
    w,
    amps: phaseAmps((phase) => perPhase[PHASES.indexOf(phase)]?.[i] ?? 0),
  }));
}

/**
 * Raises every value from `base` towards its ceiling, equally, until the sum reaches `total`. Exact, not
 * rounded: a sub-panel's share must hold its balanced minimum in full; budgets are rounded when published.
 */
export function waterFill(base: readonly number[], ceilings: readonly number[], total: number): number[] {
  const out = [...base];
  const room = (i: number) => Math.max(0, (ceilings[i] ?? 0) - (base[i] ?? 0));
  let left = Math.max(0, total - base.reduce((sum, a) => sum + a, 0));
  const order = out.map((_, i) => i).sort((a, b) => room(a) - room(b));
  order.forEach((i, k) => {
    const add = Math.min(room(i), left / (order.length - k));
    out[i] = (out[i] ?? 0) + add;
    if (left !== Infinity) left -= add;
  });
  return out;
}
