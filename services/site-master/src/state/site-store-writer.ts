import type { PanelBudget } from "@smart-charge/contracts";
import type { Logger } from "pino";
import type { Overrides } from "../core/overrides.js";
import type { SiteMetrics } from "../ops/metrics.js";
import type { SiteStateStore } from "./site-state-store.js";

/** How long a command's answer waits for its setting to be stored before it says `stored: false`. */
const OVERRIDES_WAIT_MS = 500;

/**
 * The site-master's writes to its store, none of which may hold up a division: with Redis away, or hung
 * until its connection is given up, a lower grid limit must still reach the panels at once. Budgets are
 * written without waiting and need no second attempt: sequences follow the clock, so a restart without
 * them never reuses one, and the retained budgets at the broker tell it what may still be in force.
 * Operator settings are kept until a write succeeds (retry() before every round), since nothing else
 * remembers them. Every write carries the newest settings, and Redis applies one connection's writes in
 * order, so an older retry never lands over a newer setting.
 */
export class SiteStoreWriter {
  private latest: Overrides | undefined;
  private unsaved = false;
  /** Overrides writes under way (retry() starts none while one is). */
  private writing = 0;
  private failing = false;

  constructor(
    private readonly store: SiteStateStore,
    private readonly logger: Logger,
    private readonly metrics: SiteMetrics,
  ) {}

  /**
   * Resolves true once stored, false when not stored within OVERRIDES_WAIT_MS (a hung Redis must not keep
   * the operator waiting): they are in force either way, and retry() goes on until a write succeeds.
   */
  async overrides(overrides: Overrides): Promise<boolean> {
    this.latest = overrides;
    this.unsaved = true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), OVERRIDES_WAIT_MS)),
    );
    try {
      return await Promise.race([this.writeLatest(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  budgets(budgets: readonly PanelBudget[], lastSequence: number): void {
    this.store.saveBudgets(budgets, lastSequence).then(
      () => (this.failing = false),
      (error: unknown) => this.failed("budgets", error),
    );
  }

  /** Starts storing operator settings that an earlier write could not, unless a retry is under way. */
  retry(): void {
    if (!this.unsaved || this.writing > 0) return;
    void this.writeLatest().then((stored) => {
      if (stored)
        this.logger.info({ event: "operator-settings-stored" }, "operator settings stored after all");
    });
  }

  private async writeLatest(): Promise<boolean> {
    const overrides = this.latest;
    if (overrides === undefined) return true;
    this.writing += 1;
    try {
      await this.store.saveOverrides(overrides);
      if (this.latest === overrides) this.unsaved = false;
      this.failing = false;
      return true;
    } catch (error) {
      this.failed("overrides", error);
      return false;
    } finally {
      this.writing -= 1;
    }
  }

  // Retried before every round while Redis is away: one line when writes start failing, not one a round.
  private failed(what: "overrides" | "budgets", error: unknown): void {
    this.metrics.storeWritesFailed.inc({ what });
    if (this.failing) return;
    this.failing = true;
    this.logger.warn(
      { event: "store-write-failed", what, err: error },
      "store write failed; carrying on without it",
    );
  }
}
