/**
 * Runs one job at a time. A call while a run is in flight does not start a second, overlapping run:
 * all such calls share one follow-up run that starts when the current one ends, so the latest state
 * is always dispatched and chargers never receive two interleaved rounds.
 */
export class Coalescer<T> {
  private inFlight: Promise<T> | null = null;
  private followUp: Promise<T> | null = null;

  constructor(private readonly job: () => Promise<T>) {}

  run(): Promise<T> {
    if (this.inFlight === null) {
      this.inFlight = this.job().finally(() => {
        this.inFlight = null;
      });
      return this.inFlight;
    }
    this.followUp ??= this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.followUp = null;
        return this.run();
      });
    return this.followUp;
  }
}
