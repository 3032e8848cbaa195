import type { Logger } from "pino";

/**
 * Stops the service once on SIGTERM or SIGINT and exits 0, or 1 when stopping failed. A second signal
 * while stopping exits at once, so an operator's double Ctrl-C always works.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ event: "forced-exit", signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ event: "signal", signal }, "stopping");
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: "stop-failed", err: error }, "clean stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
