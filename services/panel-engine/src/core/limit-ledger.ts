import type { Budget, Phase } from "@smart-charge/allocation";

/**
 * What each charger may be drawing right now, as far as the engine can know: the last limit a bridge
 * confirmed, and every limit sent but not yet confirmed (a charger may apply it any moment). A limit
 * that stays unconfirmed for the hold time is taken as applied, so a silent bridge cannot block raises
 * forever.
 */
export interface SentLimit {
  readonly messageId: string;
  readonly limitW: number;
  readonly sentAt: number;
}

export interface LimitRecord {
  /** The limit most recently sent (undefined before the first command). */
  lastSent: SentLimit | undefined;
  /** The limit the charger is known (or assumed, after the hold time) to apply. */
  appliedW: number | undefined;
  /** Sent, not yet confirmed, within the hold time. */
  pending: SentLimit[];
}

/** How a session draws from the panel's conductors, to add up per-phase current. */
export interface Wiring {
  readonly phases: number;
  readonly panelPhases: readonly Phase[];
  readonly voltageV: number;
}

export function emptyRecord(): LimitRecord {
  return { lastSent: undefined, appliedW: undefined, pending: [] };
}

/** Drops pending limits older than the hold time, taking the newest expired one as applied. */
export function settle(record: LimitRecord, now: number, holdMs: number): void {
  const expired = record.pending.filter((p) => now - p.sentAt >= holdMs);
  if (expired.length === 0) return;
  record.pending = record.pending.filter((p) => now - p.sentAt < holdMs);
  const last = record.lastSent;
  if (last !== undefined && expired.some((p) => p.messageId === last.messageId))
    record.appliedW = last.limitW;
}

/** A lower limit was sent and is not confirmed yet: the charger may still draw its higher one. */
export function hasPendingDecrease(record: LimitRecord): boolean {
  const applied = record.appliedW;
  return applied !== undefined && record.pending.some((p) => p.limitW < applied);
}

/** The highest limit the charger might be applying now. */
export function worstCaseW(record: LimitRecord): number {
  return Math.max(record.appliedW ?? 0, ...record.pending.map((p) => p.limitW));
}

export function recordSent(record: LimitRecord, sent: SentLimit): void {
  record.lastSent = sent;
  record.pending.push(sent);
}

/** A bridge confirmed (Accepted) a command: that limit is in force and older pending ones are superseded. */
export function recordAccepted(record: LimitRecord, messageId: string): boolean {
  const index = record.pending.findIndex((p) => p.messageId === messageId);
  const accepted = record.pending[index];
  if (accepted === undefined) return false;
  record.appliedW = accepted.limitW;
  record.pending = record.pending.slice(index + 1);
  return true;
}

/** A bridge refused a command: the charger keeps what it had. */
export function recordRefused(record: LimitRecord, messageId: string): boolean {
  const before = record.pending.length;
  record.pending = record.pending.filter((p) => p.messageId !== messageId);
  return record.pending.length !== before;
}

/** Adds `watts` drawn through `wiring` to running totals (W total, A per phase). */
export function addLoad(
  totals: { w: number; amps: Record<Phase, number> },
  wiring: Wiring,
  watts: number,
): void {
  totals.w += watts;
  for (const p of wiring.panelPhases) totals.amps[p] += watts / (wiring.voltageV * wiring.phases);
}

export function withinBudget(totals: { w: number; amps: Record<Phase, number> }, budget: Budget): boolean {
  if (totals.w > budget.totalKw * 1000 + 1e-6) return false;
  const limits = budget.phaseAmps;
  return (
    limits === undefined || (["L1", "L2", "L3"] as const).every((p) => totals.amps[p] <= limits[p] + 1e-9)
  );
}
