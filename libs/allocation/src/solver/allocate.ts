import type { ActiveSession, Budget, Phase, SessionProfile } from "../types.js";
import { runCustomStrategy, type StrategyAdjustment } from "../strategies/custom.js";
import { multiplierAt } from "../strategies/time-of-use.js";
import { admit } from "./admission.js";
import { boundByRequest, noteOverBudget } from "./custom-request.js";
import { enforceLimits } from "./enforce-limits.js";
import { fillTiers } from "./fill-tiers.js";
import { Outcome, TOTAL, type SolverSession } from "./model.js";
import { nextRotation, priorEntries } from "./next-rotation.js";
import { toProfiles } from "./profiles.js";
import type { RotationState } from "./rotation.js";
import type { StrategySpec } from "./strategy-spec.js";
import { toSolverSession } from "./to-solver-session.js";
import { kwToWattsFloor } from "./units.js";

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

/**
 * Allocates the budget among the sessions; pure and deterministic for a given request. Runs on every
 * optimize(), so per session it does a few property reads and builds two objects: its solver view, which
 * also carries its results, and its profile.
 */
export function allocate(request: AllocationRequest): AllocationResult {
  const { sessions, budget, voltageV, strategy, now } = request;
  const multiplier =
    strategy.kind === "TIME_OF_USE" ? multiplierAt(strategy.windows, strategy.timeZone, now) : 1;
  const budgetKw = budget.totalKw * multiplier;
  const limits = [
    kwToWattsFloor(budgetKw),
    phaseLimit(budget, "L1"),
    phaseLimit(budget, "L2"),
    phaseLimit(budget, "L3"),
  ];

  let solver: SolverSession[] = [];
  for (let i = 0; i < sessions.length; i++)
    solver.push(toSolverSession(sessions[i] as ActiveSession, i, voltageV));
  let adjustments: StrategyAdjustment[] = [];
  if (strategy.kind === "CUSTOM") {
    const ctx = { voltageV, now, ...(budget.phaseAmps ? { phaseAmps: budget.phaseAmps } : {}) };
    const custom = runCustomStrategy(strategy.fn, strategy.name ?? "CUSTOM", sessions, budgetKw, ctx);
    adjustments = custom.adjustments;
    solver = solver.map((s) => {
      const requested = custom.requestedW.get(String(sessions[s.index]?.transactionId)) ?? 0;
      return boundByRequest(s, requested, adjustments, sessions);
    });
  } else if (strategy.kind === "PRIORITY") {
    const anyWeight = solver.some((s) => s.priority > 0);
    for (const s of solver) s.weight = anyWeight ? s.priority : 1;
  }

  const candidates: SolverSession[] = [];
  let minimumW = 0;
  let demandW = 0;
  for (const s of solver) {
    if (!(s.hi > 0)) continue;
    candidates.push(s);
    minimumW += s.lo;
    demandW += Math.min(s.hi, limits[TOTAL] ?? 0);
  }
  const capacity = [...limits];
  const rotation = request.rotation ?? {};
  const prior = priorEntries(rotation, sessions);
  const dwellMs = request.minDwellMs ?? DEFAULT_MIN_DWELL_MS;
  const admission = admit({ candidates, minimumW, sessions, strategy, prior, now, dwellMs }, capacity);

  fillTiers(strategy, admission.admitted, capacity);
  enforceLimits(admission.admitted, limits, admission.ranked);
  if (strategy.kind === "CUSTOM") noteOverBudget(candidates, adjustments, sessions);
  for (const s of admission.paused) s.outcome = Outcome.Paused;
  const { profiles, allocatedW } = toProfiles(sessions, solver, voltageV);

  return {
    profiles,
    rotation: nextRotation(rotation, sessions, prior, solver, now),
    feasible: admission.paused.length === 0,
    budgetKw,
    allocatedKw: allocatedW / 1000,
    minimumKw: minimumW / 1000,
    demandKw: demandW / 1000,
    adjustments,
  };
}

function phaseLimit(budget: Budget, phase: Phase): number {
  return budget.phaseAmps === undefined ? Infinity : Math.max(0, budget.phaseAmps[phase]);
}
