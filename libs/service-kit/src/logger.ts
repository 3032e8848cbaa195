import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";

/**
 * One JSON line per event; credentials never reach the log, whatever object is logged. Written to stdout
 * unless a destination is given (the all-in-one site keeps its terminal for the live view).
 */
export function createLogger(
  name: string,
  level = process.env["LOG_LEVEL"] ?? "info",
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    name,
    level,
    redact: {
      paths: ["*.password", "*.*.password", "password", "*.username", "*.*.username"],
      censor: "[redacted]",
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/** Removes user:password from a URL before it is logged. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    if (u.username) u.username = "***";
    return u.toString();
  } catch {
    return "(unparseable url)";
  }
}
