/**
 * The two engines under test, configured identically: same sessions, same grid limit, no safety margin,
 * a no-op dispatcher. Only optimize() is ever called.
 */
import { SmartChargingEngine, type Strategy } from "@smart-charge/allocation";
import { SmartChargingEngine as SeedEngine } from "ocpp-smart-charge-engine";
import { MIN_CHARGE_KW, type BenchSession } from "./sessions.js";

export type EngineKind = "ours" | "seed";
export const ENGINE_KINDS: readonly EngineKind[] = ["ours", "seed"];

/** The profile fields both engines return. */
export interface Allocation {
  readonly transactionId: number | string;
  readonly allocatedKw: number;
  readonly allocatedW: number;
}

const noDispatch = async (): Promise<void> => {};

/** An engine loaded with `sessions`; the returned function runs one optimize(). */
export function optimizerFor(
  kind: EngineKind,
  sessions: readonly BenchSession[],
  gridKw: number,
  algorithm: Strategy,
): () => readonly Allocation[] {
  const common = { siteId: "BENCH", maxGridPowerKw: gridKw, safetyMarginPct: 0, algorithm };
  if (kind === "ours") {
    const engine = new SmartChargingEngine({ ...common, dispatcher: noDispatch, clock: () => 1.7e12 });
    for (const s of sessions) engine.addSession({ ...s });
    return () => engine.optimize();
  }
  const engine = new SeedEngine({ ...common, dispatcher: noDispatch });
  for (const s of sessions) engine.addSession({ ...s });
  return () => engine.optimize();
}

export interface Sanity {
  /** Our total stays within the budget and nobody is below the minimum. */
  readonly safe: boolean;
  readonly oursKw: number;
  readonly seedKw: number;
  /** Largest per-session difference between the two allocations (the seed rounds down to 0.01 kW). */
  readonly maxDiffKw: number;
}

export function checkOutputs(
  gridKw: number,
  ours: readonly Allocation[],
  seed: readonly Allocation[],
): Sanity {
  const oursW = ours.reduce((sum, p) => sum + p.allocatedW, 0);
  const seedById = new Map(seed.map((p) => [p.transactionId, p.allocatedKw]));
  let maxDiffKw = 0;
  for (const p of ours) {
    maxDiffKw = Math.max(maxDiffKw, Math.abs(p.allocatedKw - (seedById.get(p.transactionId) ?? NaN)));
  }
  const belowMin = ours.some((p) => p.allocatedKw < MIN_CHARGE_KW - 1e-9);
  return {
    safe: ours.length === seed.length && oursW <= Math.floor(gridKw * 1000 + 1e-6) && !belowMin,
    oursKw: oursW / 1000,
    seedKw: seed.reduce((sum, p) => sum + p.allocatedKw, 0),
    maxDiffKw,
  };
}
