/**
 * What an active/standby pair of panel-engines shares besides the panel's state: the leader lease, the
 * log of messages the leader handled (so a standby knows what it may acknowledge and a new leader never
 * handles a message twice) and which chargers got their fail-safe profile. Only the leader writes, apart
 * from taking a free lease.
 */
export interface FailoverStore {
  /**
   * Takes the lease if nobody holds it (SET NX PX), or extends it if this token already does; true when
   * this token now holds it.
   */
  acquireLease(token: string, ttlMs: number): Promise<boolean>;
  /** Extends the lease if this token still holds it; false when it was lost (expired or taken). */
  renewLease(token: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if this token holds it, so the standby need not wait for it to expire. */
  releaseLease(token: string): Promise<boolean>;
  /** Whether a message with this digest was handled within the retention window. */
  wasHandled(digest: string): Promise<boolean>;
  /** Records that the leader handled the message (and forgets what is older than the retention). */
  markHandled(digest: string, now: number): Promise<void>;
  /** chargerId → fail-safe limit (W) already sent. */
  failSafeSent(): Promise<Map<string, number>>;
  recordFailSafe(chargerId: string, limitW: number): Promise<void>;
  /** The charger refused its fail-safe: send it again next time it is seen. */
  forgetFailSafe(chargerId: string): Promise<void>;
}

/**
 * How long a handled message is remembered. A message older than this that reaches an engine (kept at the
 * broker for an instance that was down longer) is dropped as stale rather than handled again.
 */
export const HANDLED_RETENTION_MS = 6 * 60 * 60 * 1000;
