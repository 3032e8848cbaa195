import type { Budget } from "@smart-charge/allocation";
import { addLoad, worstCaseW, withinBudget, type LimitRecord, type Wiring } from "./limit-ledger.js";

export interface Target {
  readonly transactionId: string;
  readonly limitW: number;
  readonly wiring: Wiring;
  /** What the charger draws before its first profile: its fail-safe TxDefaultProfile (default 0). */
  readonly baselineW?: number;
}

export type CommandReason = "new" | "decrease" | "raise" | "refresh";

export interface PlannedCommand {
  readonly transactionId: string;
  readonly limitW: number;
  readonly reason: CommandReason;
}

export interface CommandPlan {
  readonly send: PlannedCommand[];
  /** Raises that must wait until decreases are confirmed (or their hold time passes). */
  readonly held: string[];
  /**
   * Whether the highest limits that may be in force, after this plan, fit the budget: false while a
   * decrease the budget needs is still unconfirmed. Only then may the panel report the budget applied.
   */
  readonly fits: boolean;
}

/**
 * Decides which limits to publish now. Decreases go out at once; a raise (or a new session) goes out only
 * if the highest limits that may be in force — confirmed, or sent and not yet confirmed — plus the raise
 * still fit the budget and every phase. Nothing is resent unless it changed or is due for a refresh.
 */
export function planCommands(
  targets: readonly Target[],
  records: ReadonlyMap<string, LimitRecord>,
  budget: Budget,
  now: number,
  refreshMs: number,
): CommandPlan {
  const send: PlannedCommand[] = [];
  const raises: { target: Target; worst: number; reason: "new" | "raise" }[] = [];
  const totals = { w: 0, amps: { L1: 0, L2: 0, L3: 0 } };

  for (const target of targets) {
    const record = records.get(target.transactionId);
    const last = record?.lastSent;
    const worst = record === undefined ? (target.baselineW ?? 0) : worstCaseW(record);
    if (last === undefined) {
      // A new session's charger runs at its fail-safe default until told more: a raise from there.
      raises.push({ target, worst, reason: "new" });
      addLoad(totals, target.wiring, worst);
    } else if (target.limitW < worst || target.limitW < last.limitW) {
      if (target.limitW !== last.limitW)
        send.push({ transactionId: target.transactionId, limitW: target.limitW, reason: "decrease" });
      // An unconfirmed decrease is repeated when due (after a takeover every limit is due at once).
      else if (now - last.sentAt >= refreshMs)
        send.push({ transactionId: target.transactionId, limitW: target.limitW, reason: "refresh" });
      addLoad(totals, target.wiring, worst);
    } else if (target.limitW === last.limitW) {
      if (now - last.sentAt >= refreshMs)
        send.push({ transactionId: target.transactionId, limitW: target.limitW, reason: "refresh" });
      addLoad(totals, target.wiring, worst);
    } else {
      raises.push({ target, worst, reason: "raise" });
      addLoad(totals, target.wiring, worst);
    }
  }

  const held: string[] = [];
  // Smallest raises first: the most sessions get their new limit while decreases are still on their way.
  raises.sort((a, b) => a.target.limitW - a.worst - (b.target.limitW - b.worst));
  for (const { target, worst, reason } of raises) {
    const trial = { w: totals.w, amps: { ...totals.amps } };
    addLoad(trial, target.wiring, target.limitW - worst);
    if (withinBudget(trial, budget)) {
      totals.w = trial.w;
      totals.amps = trial.amps;
      send.push({ transactionId: target.transactionId, limitW: target.limitW, reason });
    } else {
      held.push(target.transactionId);
    }
  }
  return { send, held, fits: withinBudget(totals, budget) };
}
