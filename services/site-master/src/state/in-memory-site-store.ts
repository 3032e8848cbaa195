import type { PanelBudget } from "@smart-charge/contracts";
import type { Overrides } from "../core/overrides.js";
import type { RestoredState } from "../core/site-master-core.js";
import type { SiteStateStore } from "./site-state-store.js";
import { budgetFields, OVERRIDES_FIELD, restoreState, type StoredFields } from "./stored-state.js";

/**
 * Keeps the state in this process only (an all-in-one demo site). Pass the same `space` to a new store to
 * let an in-process restart find what the previous one stored.
 */
export class InMemorySiteStore implements SiteStateStore {
  constructor(private readonly space: StoredFields = {}) {}

  async load(): Promise<RestoredState> {
    return restoreState(this.space, () => undefined);
  }

  async saveOverrides(overrides: Overrides): Promise<void> {
    this.space[OVERRIDES_FIELD] = JSON.stringify(overrides);
  }

  async saveBudgets(budgets: readonly PanelBudget[], lastSequence: number): Promise<void> {
    Object.assign(this.space, budgetFields(budgets, lastSequence));
  }

  async close(): Promise<void> {}
}
