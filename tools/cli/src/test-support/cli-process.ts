import { spawn } from "node:child_process";
import { join } from "node:path";

const MAIN = join(import.meta.dirname, "..", "main.ts");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `sce` from source in its own process, as an operator's shell would, and waits for it to exit. */
export function runSce(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    ["--conditions=@smart-charge/source", "--import", "tsx", MAIN, ...args],
    {
      env: { ...process.env, MQTT_URL: "", SCE_SITE: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
