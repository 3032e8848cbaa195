/**
 * Fencing for bridge authors. Every profile command carries the epoch of the panel-engine that sent it,
 * taken from a Redis INCR when it won the lease. After a failover the deposed engine may still publish
 * for a while; its epoch is lower than its successor's, so a bridge that remembers the highest epoch per
 * charger drops its commands. Equal epochs are admitted: one engine sends many commands per epoch.
 */

function isValidEpoch(epoch: number): boolean {
  return Number.isSafeInteger(epoch) && epoch >= 0;
}

/**
 * True when a command with `epoch` must be dropped: it is older than the highest epoch already seen for
 * the charger, or not an epoch at all (a NaN would otherwise poison every later comparison).
 */
export function isFenced(highestSeen: number | undefined, epoch: number): boolean {
  if (!isValidEpoch(epoch)) return true;
  return highestSeen !== undefined && epoch < highestSeen;
}

export interface Fence {
  /** Admits a command (epoch ≥ highest seen for the charger) and remembers its epoch; false means drop it. */
  admit(chargerId: string, epoch: number): boolean;
  /** Highest epoch admitted for the charger, if any. */
  highest(chargerId: string): number | undefined;
  /** Every charger's highest epoch, to persist across a bridge restart. */
  snapshot(): Record<string, number>;
}

/**
 * A fence with no memory admits the next command whatever its epoch, so a bridge that can should persist
 * `snapshot()` and pass it back here on restart; command expiry bounds the damage when it cannot.
 */
export function createFence(initial: Readonly<Record<string, number>> = {}): Fence {
  const highestByCharger = new Map<string, number>();
  for (const [chargerId, epoch] of Object.entries(initial)) {
    if (isValidEpoch(epoch)) highestByCharger.set(chargerId, epoch);
  }
  return {
    admit(chargerId, epoch) {
      if (isFenced(highestByCharger.get(chargerId), epoch)) return false;
      highestByCharger.set(chargerId, epoch);
      return true;
    },
    highest: (chargerId) => highestByCharger.get(chargerId),
    snapshot: () => Object.fromEntries(highestByCharger),
  };
}
