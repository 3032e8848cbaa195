import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allocate } from "../solver/allocate.js";
import type { StrategySpec } from "../solver/strategy-spec.js";
import { planSchedule } from "../strategies/plan-schedule.js";
import type { Budget, ChargingSession } from "../types.js";
import { activeSession } from "./sessions.js";

/** A golden scenario file: an operator-readable input and the allocation it must produce. */
export interface Scenario {
  title: string;
  description: string;
  input: {
    budget: Budget;
    voltageV: number;
    strategy: Exclude<StrategySpec, { kind: "CUSTOM" }>;
    now: string;
    sessions: (Partial<ChargingSession> & { transactionId: number | string })[];
  };
  expected?: ScenarioOutcome;
}

export interface ScenarioOutcome {
  feasible: boolean;
  budgetKw: number;
  allocations: {
    transactionId: number | string;
    allocatedW: number;
    allocatedAmpsPerPhase: number;
    reason: string;
    limitingPhase?: string;
  }[];
  plan?: { startsAt: string; budgetKw: number; limitsW: number[] }[];
}

export const SCENARIO_DIR = join(import.meta.dirname, "..", "..", "scenarios");

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

export function readScenario(file: string): Scenario {
  return JSON.parse(readFileSync(join(SCENARIO_DIR, file), "utf8")) as Scenario;
}

export function writeScenario(file: string, scenario: Scenario): void {
  writeFileSync(join(SCENARIO_DIR, file), `${JSON.stringify(scenario, null, 2)}\n`);
}

/** Runs a scenario through the solver (and the 24 h planner for time-of-use). */
export function runScenario(input: Scenario["input"]): ScenarioOutcome {
  const now = Date.parse(input.now);
  const request = { ...input, now, sessions: input.sessions.map((s) => activeSession(s)) };
  const result = allocate(request);
  const outcome: ScenarioOutcome = {
    feasible: result.feasible,
    budgetKw: result.budgetKw,
    allocations: result.profiles.map((p) => ({
      transactionId: p.transactionId,
      allocatedW: p.allocatedW,
      allocatedAmpsPerPhase: p.allocatedAmpsPerPhase,
      reason: p.reason,
      ...(p.limitingPhase !== undefined ? { limitingPhase: p.limitingPhase } : {}),
    })),
  };
  if (input.strategy.kind === "TIME_OF_USE") {
    const plan = planSchedule(request);
    outcome.plan = plan.periods.map((period, i) => ({
      startsAt: new Date(period.startsAt).toISOString(),
      budgetKw: period.budgetKw,
      limitsW: plan.sessions.map((s) => s.periods[i]?.limitW ?? 0),
    }));
  }
  return outcome;
}
