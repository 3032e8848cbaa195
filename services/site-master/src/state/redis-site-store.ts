import type { PanelBudget } from "@smart-charge/contracts";
import type { Redis } from "ioredis";
import type { Overrides } from "../core/overrides.js";
import type { RestoredState } from "../core/site-master-core.js";
import type { SiteStateStore } from "./site-state-store.js";
import { budgetFields, OVERRIDES_FIELD, restoreState } from "./stored-state.js";

export interface RedisSiteStoreOptions {
  redis: Redis;
  site: string;
  keyPrefix?: string;
  /** Quit the connection on close() (when the store opened it). */
  quitOnClose?: boolean;
  onBadField?: (field: string) => void;
}

/** The key of a site's state: one hash, so one HGETALL restores everything. */
export function siteStateKey(site: string, keyPrefix = ""): string {
  return `${keyPrefix}sce:v1:site-master:${encodeURIComponent(site)}`;
}

export class RedisSiteStore implements SiteStateStore {
  private readonly key: string;

  constructor(private readonly options: RedisSiteStoreOptions) {
    this.key = siteStateKey(options.site, options.keyPrefix);
  }

  async load(): Promise<RestoredState> {
    const fields = await this.options.redis.hgetall(this.key);
    return restoreState(fields, this.options.onBadField ?? (() => undefined));
  }

  async saveOverrides(overrides: Overrides): Promise<void> {
    await this.options.redis.hset(this.key, OVERRIDES_FIELD, JSON.stringify(overrides));
  }

  async saveBudgets(budgets: readonly PanelBudget[], lastSequence: number): Promise<void> {
    await this.options.redis.hset(this.key, budgetFields(budgets, lastSequence));
  }

  async close(): Promise<void> {
    if (this.options.quitOnClose) await this.options.redis.quit();
  }
}
