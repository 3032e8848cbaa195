import type { MessagePredicate, RecordedMessage } from "./recorded-message.js";

/** One waitFor / waitForCount call: collects matches as they are offered, or fails at its deadline. */
export class PendingWait {
  readonly promise: Promise<RecordedMessage[]>;
  private readonly matched: RecordedMessage[] = [];
  private readonly timer: NodeJS.Timeout;
  private done = false;
  private resolve!: (messages: RecordedMessage[]) => void;
  private reject!: (error: Error) => void;

  constructor(
    private readonly count: number,
    private readonly predicate: MessagePredicate,
    timeoutMs: number,
    timeoutError: (matched: number) => Error,
    private readonly onSettled: () => void,
  ) {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.timer = setTimeout(() => this.fail(timeoutError(this.matched.length)), timeoutMs);
  }

  get settled(): boolean {
    return this.done;
  }

  offer(message: RecordedMessage): void {
    if (this.done) return;
    let matches: boolean;
    try {
      matches = this.predicate(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.fail(
        new Error(`the predicate threw on ${message.topic} ${message.text}: ${reason}`, { cause: error }),
      );
      return;
    }
    if (!matches) return;
    this.matched.push(message);
    if (this.matched.length < this.count) return;
    this.settle();
    this.resolve(this.matched);
  }

  fail(error: Error): void {
    if (this.done) return;
    this.settle();
    this.reject(error);
  }

  private settle(): void {
    this.done = true;
    clearTimeout(this.timer);
    this.onSettled();
  }
}
