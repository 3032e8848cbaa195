/** Where our engine's time goes: per-stage split of the decrease samples, slow samples and GC. */
import { SLOW_MS, type OursResult } from "./ours.js";
import { formatMs, printTable, summarize } from "./stats.js";
import { slowestMean, STAGES } from "./timed-store.js";

export class OursDiagnosis {
  private readonly rows: string[][] = [];
  private readonly notes: string[] = [];
  private nagle = false;

  add(n: number, r: OursResult): void {
    const stage = (k: number) => summarize(r.stages.map((s) => s[k] ?? NaN));
    if (stage(STAGES.length - 1).p50 > 30) this.nagle = true;
    this.rows.push([
      `${n}: p50 / p99`,
      ...STAGES.map((_, k) => `${formatMs(stage(k).p50)} / ${formatMs(stage(k).p99)}`),
      `${summarize(r.roundTrips).p50}`,
    ]);
    this.rows.push([`${n}: slowest 1%, mean`, ...slowestMean(r.stages).map(formatMs), ""]);
    const withGc = r.slow.filter((x) => x.gcMs > 0);
    const gcMs = withGc.reduce((sum, x) => sum + x.gcMs, 0) / Math.max(1, withGc.length);
    const total = r.samples.decrease.length + r.samples.raise.length;
    this.notes.push(
      `  ${n} sessions: ${r.slow.length} of ${total} samples > ${SLOW_MS} ms, ${withGc.length} of them ` +
        `with a GC pause of this process inside (on average ${formatMs(gcMs)} ms of it); GC while ` +
        `measuring: ${r.gcPauses.length} pauses, ${r.gcPauses.filter((d) => d >= 1).length} ≥ 1 ms, ` +
        `max ${formatMs(summarize(r.gcPauses).max)} ms`,
    );
  }

  print(): void {
    if (this.rows.length === 0) return;
    console.log(
      "\nWhere our time goes (decrease samples, ms p50 / p99 per stage; Redis round trips before the command):",
    );
    printTable(["sessions", ...STAGES, "Redis RTTs"], this.rows);
    console.log(`\nSlow samples and garbage collection (engine, bridge and bench share one process):`);
    console.log(this.notes.join("\n"));
    if (this.nagle)
      console.log(
        "\nThe command waits ~40 ms between the engine's publish and the bridge: Nagle's algorithm meeting a " +
          "delayed ACK on the broker's socket (Mosquitto's set_tcp_nodelay is false by default). Rerun with " +
          "MQTT_URL pointing at a Mosquitto with `set_tcp_nodelay true` to see the rest (bench/README.md).",
      );
  }
}
