import type { FieldValues } from "./stored-fields.js";

/** One panel's state, encoded exactly as RedisSessionStore stores it. */
export interface PanelMemory {
  sessions: Map<string, FieldValues>;
  rotation: string | null;
  budget: string | null;
  budgetSequence: number | null;
  /** transactionId → JSON of the CommandedLimit without `acknowledged`. */
  commanded: Map<string, string>;
  /** transactionId → messageId the bridge accepted. */
  acknowledged: Map<string, string>;
  epoch: number;
  strategy: string | null;
  /** The leader lease: holder's token and when it expires (the space's clock). */
  lease: { token: string; expiresAt: number } | null;
  /** Digest of a handled message → when. */
  handled: Map<string, number>;
  /** chargerId → fail-safe limit (W) sent. */
  failSafe: Map<string, number>;
}

/**
 * What Redis is to RedisSessionStore: the state of every panel in one process. Stores opened on the same
 * space share state (an engine restarted in-process carries on, two instances share the epoch); it is
 * gone when the process exits.
 */
export class InMemoryStateSpace {
  private readonly panels = new Map<string, PanelMemory>();

  panel(site: string, panel: string): PanelMemory {
    // JSON of the pair, so no choice of ids can make two panels collide.
    const key = JSON.stringify([site, panel]);
    let memory = this.panels.get(key);
    if (memory === undefined) {
      memory = {
        sessions: new Map(),
        rotation: null,
        budget: null,
        budgetSequence: null,
        commanded: new Map(),
        acknowledged: new Map(),
        epoch: 0,
        strategy: null,
        lease: null,
        handled: new Map(),
        failSafe: new Map(),
      };
      this.panels.set(key, memory);
    }
    return memory;
  }
}

/**
 * Logs a handled message and forgets entries older than `forgetBefore`. Entries sit in the order they
 * were logged, so the sweep stops at the first one still kept: logging stays cheap however long the log.
 */
export function logHandled(
  handled: Map<string, number>,
  digest: string,
  at: number,
  forgetBefore: number,
): void {
  handled.set(digest, at);
  for (const [key, loggedAt] of handled) {
    if (loggedAt >= forgetBefore) return;
    handled.delete(key);
  }
}
