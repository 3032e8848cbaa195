import { phaseAmps, worstCaseAmps, type Limit } from "./limits.js";

/** A budget the site-master issued (or found in force at start). */
export interface IssuedBudget {
  readonly sequence: number;
  readonly limit: Limit;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

interface PanelEntry {
  latest: IssuedBudget;
  /** Earlier budgets the panel may still be applying: not superseded by a confirmed one, not expired. */
  older: IssuedBudget[];
}

export interface Confirmation {
  readonly appliedSequence: number | undefined;
  readonly heardAt: number | undefined;
}

/**
 * Which budgets may be in force at each panel. A panel that was lowered may keep drawing its old budget
 * until it reports `appliedBudgetSequence` at or past the lowered one, until the old budget expires, or,
 * for a panel that keeps reporting without saying so, until raiseHoldMs has passed. Until then the old
 * value counts: the sum of what may be in force never exceeds a limit.
 */
export class BudgetLedger {
  private readonly entries = new Map<string, PanelEntry>();

  constructor(
    private readonly voltageV: number,
    private readonly raiseHoldMs: number,
  ) {}

  latest(panel: string): IssuedBudget | undefined {
    return this.entries.get(panel)?.latest;
  }

  /** The budget issued with this sequence, if it may still be in force. */
  find(panel: string, sequence: number): IssuedBudget | undefined {
    const entry = this.entries.get(panel);
    if (entry === undefined) return undefined;
    return [entry.latest, ...entry.older].find((b) => b.sequence === sequence);
  }

  issue(panel: string, budget: IssuedBudget): void {
    const entry = this.entries.get(panel);
    if (entry === undefined) this.entries.set(panel, { latest: budget, older: [] });
    else {
      entry.older.push(entry.latest);
      entry.latest = budget;
    }
  }

  /** A budget found in force (stored or retained from before a restart): counts until superseded. */
  remember(panel: string, budget: IssuedBudget): void {
    const entry = this.entries.get(panel);
    if (entry === undefined) this.issue(panel, budget);
    else if (budget.sequence > entry.latest.sequence) this.issue(panel, budget);
    else if (
      budget.sequence < entry.latest.sequence &&
      !entry.older.some((b) => b.sequence === budget.sequence)
    )
      entry.older.push(budget);
  }

  settle(panel: string, now: number, confirmation: Confirmation): void {
    const entry = this.entries.get(panel);
    if (entry === undefined) return;
    const { appliedSequence, heardAt } = confirmation;
    const heldLongEnough =
      now >= entry.latest.issuedAt + this.raiseHoldMs &&
      heardAt !== undefined &&
      heardAt > entry.latest.issuedAt;
    entry.older = heldLongEnough
      ? []
      : entry.older.filter(
          (b) => b.expiresAt > now && (appliedSequence === undefined || b.sequence >= appliedSequence),
        );
    if (appliedSequence !== undefined && appliedSequence >= entry.latest.sequence) entry.older = [];
  }

  /** The most the panel may be drawing now: the highest of every budget that may be in force. */
  inForce(panel: string): Limit | undefined {
    const entry = this.entries.get(panel);
    if (entry === undefined) return undefined;
    const all = [entry.latest, ...entry.older];
    return {
      w: Math.max(...all.map((b) => b.limit.w)),
      amps: phaseAmps((p) => Math.max(...all.map((b) => worstCaseAmps(b.limit, p, this.voltageV)))),
    };
  }

  /** Panels with a decrease not yet confirmed. */
  unconfirmed(): string[] {
    return [...this.entries].filter(([, e]) => e.older.length > 0).map(([panel]) => panel);
  }

  snapshot(): Map<string, IssuedBudget> {
    return new Map([...this.entries].map(([panel, e]) => [panel, e.latest]));
  }
}
