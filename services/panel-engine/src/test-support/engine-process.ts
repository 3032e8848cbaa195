import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { PanelEngineConfig } from "../config/config-schema.js";

const MAIN = join(import.meta.dirname, "..", "main.ts");

/**
 * A panel-engine in its own OS process (`main.ts` run from source), so tests can send it real signals,
 * kill -9 included. Its JSON log lines are collected and can be awaited by event name.
 */
export class EngineProcess {
  readonly logs: Record<string, unknown>[] = [];
  private readonly waiters: { event: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on("line", (text) => {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return;
      }
      this.logs.push(line);
      for (const w of [...this.waiters]) {
        if (w.event === line["event"]) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    });
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  static start(config: PanelEngineConfig, env: NodeJS.ProcessEnv = {}): EngineProcess {
    const path = join(tmpdir(), `${config.site}-${config.panel}-${config.instanceId}.json`);
    writeFileSync(path, JSON.stringify(config));
    const child = spawn(
      process.execPath,
      ["--conditions=@smart-charge/source", "--import", "tsx", MAIN, "--config", path],
      {
        env: { ...process.env, LOG_LEVEL: "info", ...env },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    // A test that fails (or a runner that is stopped) must not leave an engine running on its own.
    const reap = () => child.kill("SIGKILL");
    process.once("exit", reap);
    child.once("exit", () => process.off("exit", reap));
    return new EngineProcess(child);
  }

  /** The first log line with this `event` (already logged or still to come); fails if the process exits first. */
  waitForLog(event: string): Promise<Record<string, unknown>> {
    const seen = this.logs.find((l) => l["event"] === event);
    if (seen) return Promise.resolve(seen);
    return Promise.race([
      new Promise<Record<string, unknown>>((resolve) => this.waiters.push({ event, resolve })),
      this.exited.then((exit) => {
        throw new Error(
          `engine exited (${JSON.stringify(exit)}) before logging "${event}"; logs: ${JSON.stringify(this.logs)}`,
        );
      }),
    ]);
  }
}
