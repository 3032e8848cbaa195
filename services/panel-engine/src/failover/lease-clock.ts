/**
 * The leader's own bookkeeping of its lease, by its own clock. A grant counts from the moment the request
 * was sent (not when the answer came back: Redis may have started the TTL any time after that), minus a
 * safety margin for clock drift and for a command still on its way to a bridge. The engine asks
 * `holds(now)` before every publish, so a leader that wakes up from a long pause never publishes on a
 * lease that may have passed to its standby.
 */
export class LeaseClock {
  private validUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ttlMs: number,
    private readonly safetyMarginMs: number,
  ) {}

  /** Redis granted (or renewed) the lease on a request sent at `requestedAt`. */
  granted(requestedAt: number): void {
    this.validUntil = Math.max(this.validUntil, requestedAt + this.ttlMs - this.safetyMarginMs);
  }

  revoked(): void {
    this.validUntil = Number.NEGATIVE_INFINITY;
  }

  holds(now: number): boolean {
    return now < this.validUntil;
  }

  /** Milliseconds until holds() turns false (≤ 0 when it already is). */
  remainingMs(now: number): number {
    return this.validUntil - now;
  }
}
