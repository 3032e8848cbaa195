import type { ActiveSession, Budget, LimitReason, SessionProfile } from "../types.js";
import { runCustomStrategy, type StrategyAdjustment } from "../strategies/custom.js";
import { multiplierAt } from "../strategies/time-of-use.js";
import { admit } from "./admission.js";
import { enforceLimits } from "./enforce-limits.js";
import { PHASE_OF_INDEX, TOTAL, type Capacity, type SolverSession } from "./model.js";
import { nextRotation, type RotationState } from "./rotation.js";
import type { StrategySpec } from "./strategy-spec.js";
import { toSolverSession } from "./to-solver-session.js";
import { floorToDeciAmps, kwToWattsFloor } from "./units.js";
import { waterFill } from "./water-fill.js";

export interface AllocationRequest {
  readonly sessions: readonly ActiveSession[];
  /** The power available to these sessions, after any safety margin. */
  readonly budget: Budget;
  /** Per-phase (line-to-neutral) voltage. */
  readonly voltageV: number;
  readonly strategy: StrategySpec;
  /** Epoch ms: drives time-of-use windows and the rotation's dwell times. */
  readonly now: number;
  /** The previous result's rotation; omitted means every session is new. */
  readonly rotation?: RotationState;
  /** A session that starts or resumes keeps charging at least this long before it can be paused. */
  readonly minDwellMs?: number;
}

export interface AllocationResult {
  /** One profile per input session, in input order. */
  readonly profiles: SessionProfile[];
  /** Feed this into the next request so paused sessions get their turn. */
  readonly rotation: RotationState;
  /** False when the minimums did not all fit and some sessions were paused. */
  readonly feasible: boolean;
  /** The budget in force (time-of-use multiplier applied). */
  readonly budgetKw: number;
  readonly allocatedKw: number;
  /** Sum of the minimums of sessions that can take power. */
  readonly minimumKw: number;
  /** What the sessions could draw: sum of caps, an uncapped session counting as the whole budget. */
  readonly demandKw: number;
  /** What a custom strategy asked for that could not be granted. */
  readonly adjustments: StrategyAdjustment[];
}

export const DEFAULT_MIN_DWELL_MS = 5 * 60 * 1000;

/** Allocates the budget among the sessions; pure and deterministic for a given request. */
export function allocate(request: AllocationRequest): AllocationResult {
  const { sessions, budget, voltageV, strategy, now } = request;
  const multiplier =
    strategy.kind === "TIME_OF_USE" ? multiplierAt(strategy.windows, strategy.timeZone, now) : 1;
  const budgetKw = budget.totalKw * multiplier;
  const limits: number[] = [
    kwToWattsFloor(budgetKw),
    ...(["L1", "L2", "L3"] as const).map((p) =>
      budget.phaseAmps === undefined ? Infinity : Math.max(0, budget.phaseAmps[p]),
    ),
  ];

  let solver = sessions.map((s, i) => toSolverSession(s, i, voltageV));
  let adjustments: StrategyAdjustment[] = [];
  if (strategy.kind === "CUSTOM") {
    const ctx = { voltageV, now, ...(budget.phaseAmps ? { phaseAmps: budget.phaseAmps } : {}) };
    const custom = runCustomStrategy(strategy.fn, strategy.name ?? "CUSTOM", sessions, budgetKw, ctx);
    adjustments = custom.adjustments;
    solver = solver.map((s) => boundByRequest(s, custom.requestedW.get(s.key) ?? 0, adjustments, sessions));
  } else if (strategy.kind === "PRIORITY") {
    const anyWeight = solver.some((s) => s.priority > 0);
    for (const s of solver) s.weight = anyWeight ? s.priority : 1;
  }

  const candidates = solver.filter((s) => s.hi > 0);
  const capacity: Capacity = [...limits];
  const { admitted, paused } = admit(
    candidates,
    capacity,
    request.rotation ?? {},
    now,
    request.minDwellMs ?? DEFAULT_MIN_DWELL_MS,
  );

  const tiers = fillOrder(strategy, admitted);
  const watts = new Map<SolverSession, number>();
  const reasons = new Map<
    SolverSession,
    { reason: LimitReason; limitingPhase?: (typeof PHASE_OF_INDEX)[number] }
  >();
  for (const tier of tiers) {
    if (
      tier.every((s) => s.weight === 0) ||
      (strategy.kind === "PRIORITY" && strategy.strictTiers === true)
    ) {
      for (const s of tier) s.weight = 1;
    }
    const fill = waterFill(tier, capacity);
    for (const s of tier) {
      const w = Math.min(s.hi, Math.max(s.lo, Math.floor((fill.watts.get(s) ?? s.lo) + 1e-6)));
      watts.set(s, w);
      const bound = fill.boundBy.get(s);
      if (w <= s.lo && s.lo > 0 && (fill.level.get(s) ?? 0) < s.lo) reasons.set(s, { reason: "minimum" });
      else if (w >= s.hi) reasons.set(s, { reason: s.capReason });
      else if (bound !== undefined && bound !== TOTAL)
        reasons.set(s, { reason: "phase", limitingPhase: PHASE_OF_INDEX[bound] });
      else reasons.set(s, { reason: "budget" });
    }
  }
  enforceLimits(admitted, watts, limits);
  if (strategy.kind === "CUSTOM") {
    for (const s of candidates) {
      if ((watts.get(s) ?? 0) < s.hi) {
        const transactionId = sessions[s.index]?.transactionId ?? s.key;
        adjustments.push({ transactionId, requestedKw: s.hi / 1000, problem: "over-budget" });
      }
    }
  }

  const outcome = new Map<string, boolean>();
  for (const s of solver) outcome.set(s.key, watts.has(s));
  const pausedSet = new Set(paused);
  const profiles = solver.map((s) => {
    const session = sessions[s.index] as ActiveSession;
    const w = watts.get(s) ?? 0;
    const why = pausedSet.has(s)
      ? { reason: "paused" as const }
      : (reasons.get(s) ?? { reason: s.capReason });
    return toProfile(session, s, w, voltageV, why.reason, why.limitingPhase);
  });

  return {
    profiles,
    rotation: nextRotation(request.rotation ?? {}, outcome, now),
    feasible: paused.length === 0,
    budgetKw,
    allocatedKw: sum(profiles.map((p) => p.allocatedW)) / 1000,
    minimumKw: sum(candidates.map((s) => s.lo)) / 1000,
    demandKw: sum(candidates.map((s) => Math.min(s.hi, limits[TOTAL] ?? 0))) / 1000,
    adjustments,
  };
}

function toProfile(
  session: ActiveSession,
  s: SolverSession,
  watts: number,
  voltageV: number,
  reason: LimitReason,
  limitingPhase: SessionProfile["limitingPhase"],
): SessionProfile {
  return {
    transactionId: session.transactionId,
    clientId: session.clientId,
    connectorId: session.connectorId,
    allocatedKw: watts / 1000,
    allocatedW: watts,
    allocatedAmpsPerPhase: floorToDeciAmps(watts / (voltageV * session.phases)),
    minChargeRateKw: s.lo / 1000,
    phases: session.phases,
    voltageV,
    reason,
    ...(limitingPhase !== undefined ? { limitingPhase } : {}),
    paused: reason === "paused",
    panelPhases: session.panelPhases,
  };
}

/** A custom strategy's request becomes the session's cap and its weight: proportional when it must shrink. */
function boundByRequest(
  s: SolverSession,
  requested: number,
  adjustments: StrategyAdjustment[],
  sessions: readonly ActiveSession[],
): SolverSession {
  const transactionId = sessions[s.index]?.transactionId ?? s.key;
  let hi = requested;
  if (requested > s.hi)
    adjustments.push({ transactionId, requestedKw: requested / 1000, problem: "above-cap" });
  if (requested > 0 && requested < s.lo) {
    adjustments.push({ transactionId, requestedKw: requested / 1000, problem: "below-minimum" });
    hi = 0;
  }
  const capped = Math.min(hi, s.hi);
  return {
    ...s,
    hi: capped,
    lo: Math.min(s.lo, capped),
    weight: capped,
    capReason: capped < s.hi ? "strategy" : s.capReason,
  };
}

/**
 * Groups of sessions filled one after another. Strict tiers fill each priority to its caps before the
 * next; in the weighted modes, sessions of weight 0 take only what the weighted ones leave, so power is
 * never left unused while someone could take it.
 */
function fillOrder(strategy: StrategySpec, admitted: SolverSession[]): SolverSession[][] {
  if (strategy.kind === "PRIORITY" && strategy.strictTiers === true) return byTier(admitted);
  const weighted = admitted.filter((s) => s.weight > 0);
  const unweighted = admitted.filter((s) => s.weight === 0);
  return unweighted.length === 0 ? [admitted] : [weighted, unweighted];
}

function byTier(sessions: readonly SolverSession[]): SolverSession[][] {
  const tiers = new Map<number, SolverSession[]>();
  for (const s of sessions) {
    const tier = tiers.get(s.priority);
    if (tier === undefined) tiers.set(s.priority, [s]);
    else tier.push(s);
  }
  return [...tiers.entries()].sort(([a], [b]) => b - a).map(([, members]) => members);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
