import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A server process this test owns: on its own port and data folder, restartable, never shared. */
export interface OwnService {
  url: string;
  port: number;
  /** Folder for its data (persistence survives restart()). */
  dir: string;
  /** Stops it (SIGTERM by default, which lets it save; SIGKILL for a crash). Resolves once it exited. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
  /** Starts it again on the same port and folder; resolves once it accepts connections. */
  start(): Promise<void>;
  /** stop(signal) then start(). */
  restart(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as with a hung server or a partition. */
  pause(): void;
  /** Lets a paused service go on (SIGCONT). */
  resume(): void;
  /** Whether the process is running. */
  readonly running: boolean;
  /** The running process's id (undefined while stopped), e.g. to read its CPU time from /proc. */
  readonly pid: number | undefined;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once something accepts TCP connections on the port; rejects if the process exits first. */
async function acceptsConnections(port: number, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let exited = false;
  child.once("exit", () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${what} exited before accepting connections on port ${port}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`${what} did not accept connections on port ${port} within 10 s`);
    // Polling a port is the only readiness signal both servers give; this is a retry interval, not a sync.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface OwnProcessSpec {
  name: string;
  scheme: string;
  /** The command line for a port and data folder. */
  command(port: number, dir: string): { file: string; args: string[] };
}

/** Starts the server on a free port with a fresh data folder. */
export async function startOwnProcess(spec: OwnProcessSpec): Promise<OwnService> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `own-${spec.name}-`));
  let child: ChildProcess | undefined;
  let stderr = "";

  const start = async () => {
    const { file, args } = spec.command(port, dir);
    stderr = "";
    const started = spawn(file, args, { stdio: ["ignore", "ignore", "pipe"], cwd: dir });
    started.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child = started;
    // A test that times out never reaches its cleanup: the server must not outlive the test process.
    const reap = () => started.kill("SIGKILL");
    process.once("exit", reap);
    started.once("exit", () => process.off("exit", reap));
    try {
      await acceptsConnections(port, started, spec.name);
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${stderr}`, { cause: error });
    }
  };
  const stop = async (signal: "SIGTERM" | "SIGKILL" = "SIGTERM") => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, "exit");
    running.kill("SIGCONT"); // a paused process would hold the signal until it runs again
    running.kill(signal);
    await exited;
  };
  await start();
  return {
    url: `${spec.scheme}://127.0.0.1:${port}`,
    port,
    dir,
    start,
    async stop(signal) {
      await stop(signal);
    },
    async restart(signal) {
      await stop(signal);
      await start();
    },
    pause() {
      child?.kill("SIGSTOP");
    },
    resume() {
      child?.kill("SIGCONT");
    },
    get pid() {
      return child?.pid;
    },
    get running() {
      return child !== undefined;
    },
  };
}

/** Stops the service and deletes its data folder. */
export async function disposeOwnService(service: OwnService): Promise<void> {
  await service.stop();
  rmSync(service.dir, { recursive: true, force: true });
}
