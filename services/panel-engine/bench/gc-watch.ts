/** Records this process's garbage-collection pauses, to tell slow samples that a GC pause was inside. */
import { performance, PerformanceObserver } from "node:perf_hooks";

export class GcWatch {
  /** Start (performance.now() ms) and duration (ms) of each pause. */
  readonly pauses: { start: number; duration: number }[] = [];
  /** performance.now() and process.hrtime run on the same monotonic clock; this is their offset in ms. */
  private readonly offsetMs = Number(process.hrtime.bigint()) / 1e6 - performance.now();
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      this.pauses.push({ start: entry.startTime, duration: entry.duration });
  });

  start(): void {
    this.observer.observe({ entryTypes: ["gc"] });
  }

  stop(): void {
    this.observer.disconnect();
  }

  /** Milliseconds of GC pause between two process.hrtime.bigint() instants. */
  pausedMs(from: bigint, to: bigint): number {
    const a = Number(from) / 1e6 - this.offsetMs;
    const b = Number(to) / 1e6 - this.offsetMs;
    let paused = 0;
    for (const p of this.pauses)
      paused += Math.max(0, Math.min(b, p.start + p.duration) - Math.max(a, p.start));
    return paused;
  }
}
