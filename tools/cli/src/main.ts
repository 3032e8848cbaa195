#!/usr/bin/env node
/** `sce`: the operator CLI of Smart Charge Engine. See README.md or `sce --help`. */
import { runCli } from "./cli/run-cli.js";

const stop = new AbortController();
let signals = 0;
const onSignal = (): void => {
  // A second Ctrl-C while the view is closing exits at once.
  if (++signals > 1) process.exit(130);
  stop.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => Date.now(),
  signal: stop.signal,
}).then(
  (code) => {
    process.exitCode = code;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  },
  (error: unknown) => {
    process.stderr.write(`sce: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
