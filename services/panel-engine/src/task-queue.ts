import type { Logger } from "pino";

/**
 * Runs tasks one after another, in the order they were queued. A failing task is logged and resolves
 * undefined, so a caller that does not wait (a timer) never leaves an unhandled rejection behind.
 */
export class TaskQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly logger: Logger) {}

  run<T>(task: () => Promise<T>): Promise<T | undefined> {
    const run = this.tail.then(task).catch((error: unknown) => {
      this.logger.error({ event: "task-failed", err: error }, "task failed");
      return undefined;
    });
    this.tail = run;
    return run;
  }

  /** Waits for the queued tasks, at most `timeoutMs` (a store outage must not block shutdown forever). */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.tail, timeout]);
    clearTimeout(timer);
  }
}
