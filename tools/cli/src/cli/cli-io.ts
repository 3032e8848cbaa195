/** Everything the CLI touches outside itself, passed in so tests run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; columns?: number | undefined; isTTY?: boolean | undefined };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  now: () => number;
  /** Aborted on Ctrl-C / SIGTERM: ends `tree --watch` cleanly. */
  signal?: AbortSignal;
}

export function writeLines(stream: { write(text: string): unknown }, lines: readonly string[]): void {
  stream.write(lines.map((line) => `${line}\n`).join(""));
}
