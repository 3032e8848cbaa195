/** Seconds are counted from here so that 1.6 ids stay within a signed 32-bit integer until 2088. */
const ID_EPOCH_MS = Date.UTC(2020, 0, 1);

function secondOf(ms: number): number {
  return Math.floor((ms - ID_EPOCH_MS) / 1000);
}

/**
 * OCPP 1.6 transaction ids from the clock, without storage: an id is the number of a second since 2020,
 * never one ahead of the clock, and a process never uses the second it started in. Every id an earlier
 * process handed out is therefore at most its last second alive, below anything a later process hands
 * out. Several starts within a second take the following seconds, each handed out once that second has
 * come: a burst of n starts answers the last one n seconds later (chargers wait far longer for an answer).
 * A wall clock stepped backwards by more than the bridge's downtime can repeat an id.
 */
export class TransactionIds {
  private last: number;

  constructor(private readonly clock: () => number) {
    this.last = secondOf(clock());
  }

  /** Reserves the next id now and says when it may be given out (epoch ms). */
  reserve(): { id: number; readyAt: number } {
    const id = Math.max(this.last + 1, secondOf(this.clock()));
    this.last = id;
    return { id, readyAt: ID_EPOCH_MS + id * 1000 };
  }

  /** The next id, once its second has come. */
  async next(): Promise<number> {
    const { id, readyAt } = this.reserve();
    const wait = readyAt - this.clock();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return id;
  }
}
