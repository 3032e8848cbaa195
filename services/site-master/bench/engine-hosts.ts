/**
 * Child processes that each run a share of the bench's panel-engines (bench/engine-host.ts), so the
 * engines use every core as separate deployments would, instead of queueing on one event loop.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const HOST = fileURLToPath(new URL("./engine-host.ts", import.meta.url));

/**
 * A host runs 25 engines in one heap, where each deployed engine has a process and heap of its own. Their
 * combined allocation fills a default-sized young generation 25 times as fast, so objects one engine's
 * process would collect young (a command awaiting its PUBACK, a status being sent) survive into the old
 * generation, and the pauses of the extra full collections (5–15 ms every few seconds) landed in rounds.
 * Four times the default young generation brings a host closer to what each engine sees on its own.
 */
const HOST_V8_FLAGS = ["--max-semi-space-size=64"];

function whenReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready\n")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`engine host exited with ${code} before it was ready`)));
  });
}

export async function startEngineHosts(site: string, mqttUrl: string, panels: number, hosts: number) {
  const per = Math.ceil(panels / hosts);
  const children: ChildProcess[] = [];
  for (let h = 0; h < hosts; h++) {
    const first = h * per;
    const last = Math.min(panels, first + per);
    children.push(
      spawn(
        process.execPath,
        [
          // BENCH_CPU_PROF=<folder>: a V8 CPU profile of each engine host, to see where a round goes.
          ...(process.env["BENCH_CPU_PROF"]
            ? ["--cpu-prof", `--cpu-prof-dir=${process.env["BENCH_CPU_PROF"]}`]
            : []),
          ...HOST_V8_FLAGS,
          "--conditions=@smart-charge/source",
          "--import",
          "tsx",
          HOST,
          site,
          mqttUrl,
          String(first),
          String(last),
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      ),
    );
  }
  await Promise.all(children.map(whenReady));
  return {
    pids: children.map((child) => child.pid),
    async stop() {
      await Promise.all(
        children.map(async (child) => {
          const exited = once(child, "exit");
          child.kill("SIGTERM");
          await exited;
        }),
      );
    },
  };
}
