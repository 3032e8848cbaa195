import { InMemoryStateSpace, logHandled, type PanelMemory } from "../state/in-memory-state-space.js";
import { HANDLED_RETENTION_MS, type FailoverStore } from "./failover-store.js";

export interface InMemoryFailoverStoreOptions {
  site: string;
  panel: string;
  /** Engines that share a space share the lease, as two processes share Redis. Default: a private one. */
  space?: InMemoryStateSpace;
  /** Lease expiry is judged by this clock. Default Date.now. */
  clock?: () => number;
}

/** FailoverStore without Redis: for the all-in-one demo and tests, with the Redis store's semantics. */
export class InMemoryFailoverStore implements FailoverStore {
  private readonly memory: PanelMemory;
  private readonly clock: () => number;

  constructor(options: InMemoryFailoverStoreOptions) {
    this.memory = (options.space ?? new InMemoryStateSpace()).panel(options.site, options.panel);
    this.clock = options.clock ?? Date.now;
  }

  async acquireLease(token: string, ttlMs: number): Promise<boolean> {
    const holder = this.holder();
    if (holder !== undefined && holder !== token) return false;
    this.memory.lease = { token, expiresAt: this.clock() + ttlMs };
    return true;
  }

  async renewLease(token: string, ttlMs: number): Promise<boolean> {
    if (this.holder() !== token) return false;
    this.memory.lease = { token, expiresAt: this.clock() + ttlMs };
    return true;
  }

  async releaseLease(token: string): Promise<boolean> {
    if (this.holder() !== token) return false;
    this.memory.lease = null;
    return true;
  }

  async wasHandled(digest: string): Promise<boolean> {
    return this.memory.handled.has(digest);
  }

  async markHandled(digest: string, now: number): Promise<void> {
    logHandled(this.memory.handled, digest, now, now - HANDLED_RETENTION_MS);
  }

  async failSafeSent(): Promise<Map<string, number>> {
    return new Map(this.memory.failSafe);
  }

  async recordFailSafe(chargerId: string, limitW: number): Promise<void> {
    this.memory.failSafe.set(chargerId, limitW);
  }

  async forgetFailSafe(chargerId: string): Promise<void> {
    this.memory.failSafe.delete(chargerId);
  }

  private holder(): string | undefined {
    const lease = this.memory.lease;
    return lease !== null && lease.expiresAt > this.clock() ? lease.token : undefined;
  }
}
