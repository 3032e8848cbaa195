import type { PanelBudget } from "@smart-charge/contracts";
import type { Logger } from "pino";
import type { Overrides } from "../core/overrides.js";
import type { SiteMetrics } from "../ops/metrics.js";
import type { SiteStateStore } from "./site-state-store.js";

/**
 * The site-master's writes to its store, none of which may hold up a division: with Redis away, a lower
 * grid limit must still reach the panels. A write that fails is logged and counted and the division goes
 * on. Budgets need no second attempt: sequences follow the clock, so a restart without them never reuses
 * one, and the retained budgets at the broker tell it what may still be in force. Operator settings are
 * kept until a later write succeeds (retry() before every round), since nothing else remembers them.
 */
export class SiteStoreWriter {
  private unsaved: Overrides | undefined;

  constructor(
    private readonly store: SiteStateStore,
    private readonly logger: Logger,
    private readonly metrics: SiteMetrics,
  ) {}

  /** True once stored; false when they are in force but not stored yet (retry() keeps trying). */
  async overrides(overrides: Overrides): Promise<boolean> {
    try {
      await this.store.saveOverrides(overrides);
      this.unsaved = undefined;
      return true;
    } catch (error) {
      this.unsaved = overrides;
      this.failed("overrides", error);
      return false;
    }
  }

  async budgets(budgets: readonly PanelBudget[], lastSequence: number): Promise<void> {
    try {
      await this.store.saveBudgets(budgets, lastSequence);
    } catch (error) {
      this.failed("budgets", error);
    }
  }

  /** Stores operator settings that an earlier write could not. */
  async retry(): Promise<void> {
    if (this.unsaved === undefined) return;
    if (await this.overrides(this.unsaved))
      this.logger.info({ event: "operator-settings-stored" }, "operator settings stored after all");
  }

  private failed(what: "overrides" | "budgets", error: unknown): void {
    this.metrics.storeWritesFailed.inc({ what });
    this.logger.warn(
      { event: "store-write-failed", what, err: error },
      "store write failed; carrying on without it",
    );
  }
}
