import type { PanelBudget } from "@smart-charge/contracts";
import type { Overrides } from "../core/overrides.js";
import type { RestoredState } from "../core/site-master-core.js";

/**
 * What a site-master keeps across restarts: the operator's settings, the last budget sequence (so engines
 * never see a sequence go back) and the last budget issued to each panel (which may still be in force).
 */
export interface SiteStateStore {
  load(): Promise<RestoredState>;
  saveOverrides(overrides: Overrides): Promise<void>;
  /** Written before the budgets are published, so a crash in between never reuses a sequence. */
  saveBudgets(budgets: readonly PanelBudget[], lastSequence: number): Promise<void>;
  close(): Promise<void>;
}
