/**
 * A minimal timing harness: warm up, then repeat the function until enough time has
 * passed or enough runs were made, and report the median duration of one call.
 */
export { formatMs, printTable } from "@smart-charge/test-infra";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";

export interface MeasureOptions {
  /** Warm-up: at least this many calls, continuing while under `warmupMs` and `maxWarmupRuns`. */
  readonly minWarmupRuns: number;
  readonly warmupMs: number;
  readonly maxWarmupRuns: number;
  /** Measured calls: at least `minRuns`, continuing while under `minTimeMs` and `maxRuns`. */
  readonly minRuns: number;
  readonly minTimeMs: number;
  readonly maxRuns: number;
}

/** Long enough for V8 to optimize the hot code and size its heap: the first runs can be 10× slower. */
export const DEFAULT_MEASURE: MeasureOptions = {
  minWarmupRuns: 3,
  warmupMs: 500,
  maxWarmupRuns: 100_000,
  minRuns: 5,
  minTimeMs: 1000,
  maxRuns: 100_000,
};

export interface Timing {
  /** Median duration of one call, in ms. */
  readonly medianMs: number;
  readonly runs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? NaN;
  const lo = sorted[mid - 1] ?? hi;
  return sorted.length % 2 === 1 ? hi : (lo + hi) / 2;
}

export function measure(fn: () => unknown, options: MeasureOptions = DEFAULT_MEASURE): Timing {
  fn();
  const warmStart = performance.now();
  for (let i = 1; ; i++) {
    const enough = performance.now() - warmStart >= options.warmupMs || i >= options.maxWarmupRuns;
    if (i >= options.minWarmupRuns && enough) break;
    fn();
  }
  const times: number[] = [];
  const start = performance.now();
  while (
    times.length < options.minRuns ||
    (performance.now() - start < options.minTimeMs && times.length < options.maxRuns)
  ) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), runs: times.length };
}

/** 1-minute load average with a warning when other work competes for the cores (noisy numbers). */
export function load(when: string, busyAbove: number): string {
  const l = loadavg()[0] ?? 0;
  const warn = l > busyAbove ? " — WARNING: machine busy, numbers are noisy; rerun on an idle machine" : "";
  return `Load average (1 min) ${when}: ${l.toFixed(2)}${warn}`;
}

/** One line describing where the numbers were taken. */
export function machine(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? "unknown CPU";
  return `Node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} cores (${model})`;
}
