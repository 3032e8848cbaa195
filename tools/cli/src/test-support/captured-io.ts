import type { CliIo } from "../cli/cli-io.js";

/** A stream that keeps what the CLI wrote and lets a test wait, by event, until some text appears. */
export class CapturedStream {
  text = "";
  columns: number | undefined;
  isTTY: boolean | undefined;
  private readonly waiters: { test: (text: string) => boolean; resolve: () => void }[] = [];

  write(chunk: string): boolean {
    this.text += chunk;
    for (const waiter of [...this.waiters])
      if (waiter.test(this.text)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    return true;
  }

  /** Resolves once the whole output so far satisfies `test`; the timeout says what was written. */
  until(test: (text: string) => boolean, timeoutMs = 5_000): Promise<void> {
    if (test(this.text)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; output so far:\n${this.text}`)), timeoutMs);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}

export function capturedIo(env: Record<string, string | undefined>, now: () => number = () => Date.now()) {
  const stdout = new CapturedStream();
  const stderr = new CapturedStream();
  const abort = new AbortController();
  const io: CliIo = { stdout, stderr, env, now, signal: abort.signal };
  return { io, stdout, stderr, abort };
}
