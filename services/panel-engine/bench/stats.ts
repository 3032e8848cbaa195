/** Percentiles, tables and machine load for the latency benchmark. */
import { percentile } from "@smart-charge/test-infra";
import { cpus, loadavg } from "node:os";

export { formatMs, printTable } from "@smart-charge/test-infra";

export interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export const nsToMs = (ns: bigint): number => Number(ns) / 1e6;

/**
 * Load average, and whether the machine looks busy: 1-min load above half its cores, plus `own` for the
 * load this process adds itself (about half a core while it runs).
 */
export function load(label: string, own = 0): { text: string; busy: boolean } {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  const cores = cpus().length;
  const busy = one > cores / 2 + own;
  const text =
    `Load average ${label}: ${one.toFixed(2)} / ${five.toFixed(2)} / ${fifteen.toFixed(2)} ` +
    `(1/5/15 min, ${cores} cores)` +
    (busy ? ` — WARNING: machine busy, latencies are inflated by other work` : "");
  return { text, busy };
}
