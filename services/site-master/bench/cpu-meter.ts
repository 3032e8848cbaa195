/**
 * CPU time of the processes a round runs in (this one, the engine hosts, the broker), read from /proc, so a
 * round's cost can be told apart from the noise in its wall-clock time. Linux only; elsewhere it reports
 * nothing.
 */
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux everywhere we run). */
const TICKS_PER_S = 100;

function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return undefined;
  }
}

export interface MeteredProcess {
  name: string;
  pid: number | undefined;
}

/** Starts counting now; `perRound(rounds)` gives each process's CPU milliseconds per round since. */
export function startCpuMeter(processes: readonly MeteredProcess[]) {
  const read = () => processes.map((p) => (p.pid === undefined ? undefined : cpuSeconds(p.pid)));
  const before = read();
  return {
    perRound(rounds: number): Record<string, string> {
      const after = read();
      const row: Record<string, string> = {};
      let total = 0;
      processes.forEach((p, i) => {
        const a = after[i];
        const b = before[i];
        if (a === undefined || b === undefined) return;
        const ms = ((a - b) * 1000) / rounds;
        total += ms;
        row[p.name] = `${ms.toFixed(0)} ms`;
      });
      if (Object.keys(row).length > 0) row["total"] = `${total.toFixed(0)} ms`;
      return row;
    },
  };
}
