import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/** Runs a command to its end; resolves with its exit code and output. */
export async function run(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "close")) as [number | null];
  return { code, stdout, stderr };
}

export const commandExists = (command: string): boolean =>
  spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

/**
 * Starts a long-running process and resolves once its output matches; rejects with the output if it exits
 * first or is not ready within `timeoutMs` (a failure guard, not a wait).
 */
export async function startUntil(
  command: string,
  args: readonly string[],
  ready: RegExp,
  timeoutMs = 10_000,
): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: "pipe" });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once("exit", () => clearTimeout(guard));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(guard);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`${command} exited (${String(code)}) before ready:\n${output}`)),
    );
  });
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit");
}
