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
  /**
   * The check to use on a whole profile command: fenced below the highest epoch seen for its charger
   * *or for its panel* (epochs are counted per panel, and every charger of a panel is driven by the same
   * engine). Once a new leader's first command reached the bridge, a deposed engine's command for any
   * charger of that panel is dropped, not only for the chargers the new leader already spoke to.
   */
  admitCommand(command: {
    readonly panel: string;
    readonly chargerId: string;
    readonly epoch: number;
  }): boolean;
  /** Highest epoch admitted for the charger, if any. */
  highest(chargerId: string): number | undefined;
  /** Highest epoch admitted from the panel's engines (admitCommand only), if any. */
  highestOfPanel(panel: string): number | undefined;
  /** Every charger's highest epoch, to persist across a bridge restart. */
  snapshot(): Record<string, number>;
  /** Every panel's highest epoch, to persist beside snapshot(). */
  snapshotPanels(): Record<string, number>;
}

/**
 * A fence with no memory admits the next command whatever its epoch, so a bridge that can should persist
 * `snapshot()` and pass it back here on restart; command expiry bounds the damage when it cannot.
 */
export function createFence(
  initial: Readonly<Record<string, number>> = {},
  initialPanels: Readonly<Record<string, number>> = {},
): Fence {
  const byCharger = restore(initial);
  const byPanel = restore(initialPanels);
  return {
    admit(chargerId, epoch) {
      if (isFenced(byCharger.get(chargerId), epoch)) return false;
      byCharger.set(chargerId, epoch);
      return true;
    },
    admitCommand({ panel, chargerId, epoch }) {
      if (isFenced(byCharger.get(chargerId), epoch) || isFenced(byPanel.get(panel), epoch)) return false;
      byCharger.set(chargerId, epoch);
      byPanel.set(panel, epoch);
      return true;
    },
    highest: (chargerId) => byCharger.get(chargerId),
    highestOfPanel: (panel) => byPanel.get(panel),
    snapshot: () => Object.fromEntries(byCharger),
    snapshotPanels: () => Object.fromEntries(byPanel),
  };
}

/** A persisted snapshot, without anything that is not an epoch (a hand-edited file, an old format). */
function restore(snapshot: Readonly<Record<string, number>>): Map<string, number> {
  const highest = new Map<string, number>();
  for (const [key, epoch] of Object.entries(snapshot)) {
    if (isValidEpoch(epoch)) highest.set(key, epoch);
  }
  return highest;
}
