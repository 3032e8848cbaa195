import { StrategyError } from "../errors.js";
import type { ActiveSession, StrategyContext, StrategyFn } from "../types.js";
import { kwToWattsFloor } from "../solver/units.js";

/** What the solver changed in a custom strategy's answer, so the caller can report it. */
export interface StrategyAdjustment {
  readonly transactionId: number | string;
  readonly requestedKw: number | null;
  readonly problem:
    | "missing"
    | "unknown-session"
    | "not-a-number"
    | "negative"
    | "below-minimum"
    | "above-cap"
    | "over-budget";
}

/**
 * Runs a custom strategy and turns its answer into a requested number of watts per session. Its output
 * is a request, not a command: anything unsafe is noted here and then bounded by the solver.
 */
export function runCustomStrategy(
  fn: StrategyFn,
  name: string,
  sessions: readonly ActiveSession[],
  budgetKw: number,
  ctx: StrategyContext,
): { requestedW: Map<string, number>; adjustments: StrategyAdjustment[] } {
  let output: unknown;
  try {
    output = fn(
      sessions.map((s) => ({ ...s })),
      budgetKw,
      ctx,
    );
  } catch (error) {
    throw new StrategyError(name, error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (!Array.isArray(output)) throw new StrategyError(name, "must return an array of SessionProfile");

  const known = new Set(sessions.map((s) => String(s.transactionId)));
  const requestedW = new Map<string, number>();
  const adjustments: StrategyAdjustment[] = [];
  for (const item of output as unknown[]) {
    const p = (item ?? {}) as { transactionId?: unknown; allocatedKw?: unknown };
    const id = p.transactionId as number | string;
    if (!known.has(String(id))) {
      adjustments.push({ transactionId: id, requestedKw: null, problem: "unknown-session" });
      continue;
    }
    const kw = p.allocatedKw;
    if (typeof kw !== "number" || !Number.isFinite(kw)) {
      adjustments.push({ transactionId: id, requestedKw: null, problem: "not-a-number" });
      requestedW.set(String(id), 0);
    } else if (kw < 0) {
      adjustments.push({ transactionId: id, requestedKw: kw, problem: "negative" });
      requestedW.set(String(id), 0);
    } else {
      requestedW.set(String(id), kwToWattsFloor(kw));
    }
  }
  for (const s of sessions) {
    const key = String(s.transactionId);
    if (!requestedW.has(key)) {
      adjustments.push({ transactionId: s.transactionId, requestedKw: null, problem: "missing" });
      requestedW.set(key, 0);
    }
  }
  return { requestedW, adjustments };
}
