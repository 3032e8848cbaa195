/**
 * Wraps the engine's RedisSessionStore and timestamps the store calls of the latest event, so the bench
 * can split a sample into stages without touching src/: MQTT in → store write → recompute → store writes
 * → publish. Every store call is one Redis round trip (a Lua script via EVALSHA, an HSET, or a MULTI/EXEC
 * sent as one pipeline).
 */
import type { RotationState, StrategySpec } from "@smart-charge/allocation";
import type { PanelBudget } from "@smart-charge/contracts";
import type {
  CommandedLimit,
  HandledMark,
  PanelState,
  PanelStateStore,
  SessionPatch,
  SessionUpdateWrite,
  StoredSession,
} from "../src/state/panel-state-store.js";

export type Call = "updateSession" | "updateAndCommand" | "saveCommanded" | "acknowledgeCommand" | "other";

export interface Mark {
  readonly call: Call;
  readonly start: bigint;
  readonly end: bigint;
}

export class TimedStore implements PanelStateStore {
  /** Store calls since the last reset(), in order. */
  marks: Mark[] = [];

  constructor(private readonly inner: PanelStateStore) {}

  reset(): void {
    this.marks = [];
  }

  private async timed<T>(call: Call, run: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint();
    const value = await run();
    this.marks.push({ call, start, end: process.hrtime.bigint() });
    return value;
  }

  load(): Promise<PanelState> {
    return this.inner.load();
  }
  startSession(session: StoredSession, mark?: HandledMark): ReturnType<PanelStateStore["startSession"]> {
    return this.timed("other", () => this.inner.startSession(session, mark));
  }
  updateSession(
    transactionId: string,
    patch: SessionPatch,
    mark?: HandledMark,
  ): ReturnType<PanelStateStore["updateSession"]> {
    return this.timed("updateSession", () => this.inner.updateSession(transactionId, patch, mark));
  }
  stopSession(transactionId: string, mark?: HandledMark): ReturnType<PanelStateStore["stopSession"]> {
    return this.timed("other", () => this.inner.stopSession(transactionId, mark));
  }
  saveBudget(budget: PanelBudget): Promise<boolean> {
    return this.timed("other", () => this.inner.saveBudget(budget));
  }
  saveCommanded(limits: readonly CommandedLimit[], rotation?: RotationState): Promise<void> {
    return this.timed("saveCommanded", () => this.inner.saveCommanded(limits, rotation));
  }
  updateAndCommand(write: SessionUpdateWrite): ReturnType<PanelStateStore["updateAndCommand"]> {
    return this.timed("updateAndCommand", () => this.inner.updateAndCommand(write));
  }
  saveStrategy(strategy: StrategySpec): Promise<void> {
    return this.timed("other", () => this.inner.saveStrategy(strategy));
  }
  acknowledgeCommand(transactionId: string, messageId: string): Promise<void> {
    return this.timed("acknowledgeCommand", () => this.inner.acknowledgeCommand(transactionId, messageId));
  }
  nextEpoch(): Promise<number> {
    return this.inner.nextEpoch();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

export const STAGES = [
  "MQTT in → first store call",
  "Redis round trips",
  "recompute + plan between them",
  "publish → bridge",
] as const;

/**
 * Splits one sample (t0 → arrival) into STAGES, in ms, and counts the store calls (Redis round trips)
 * completed before the command arrived; undefined if no store call wrote the command's limit. With the
 * leader's one-write path the recompute runs before the single call, so it counts in the first stage.
 */
export function stagesOf(
  marks: readonly Mark[],
  t0: bigint,
  at: bigint,
): { stages: number[]; roundTrips: number } | undefined {
  const before = marks.filter((m) => m.start >= t0 && m.end <= at);
  const first = before[0];
  const last = before.at(-1);
  if (first === undefined || last === undefined) return undefined;
  if (last.call !== "saveCommanded" && last.call !== "updateAndCommand") return undefined;
  const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
  const inCalls = before.reduce((sum, m) => sum + ms(m.start, m.end), 0);
  const stages = [ms(t0, first.start), inCalls, ms(first.start, last.end) - inCalls, ms(last.end, at)];
  return { stages, roundTrips: before.length };
}

/** Per stage, the mean over the slowest 1% of samples (by the sum of their stages). */
export function slowestMean(stages: readonly number[][]): number[] {
  const total = (s: readonly number[]) => s.reduce((a, b) => a + b, 0);
  const slow = [...stages].sort((a, b) => total(b) - total(a)).slice(0, Math.ceil(stages.length / 100));
  return STAGES.map((_, k) => slow.reduce((sum, s) => sum + (s[k] ?? 0), 0) / Math.max(1, slow.length));
}
