import { pino, type Logger } from "pino";

/** One JSON line per event; credentials never reach the log, whatever object is logged. */
export function createLogger(name: string, level = process.env["LOG_LEVEL"] ?? "info"): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ["*.password", "*.*.password", "password", "*.username", "*.*.username"],
      censor: "[redacted]",
    },
  });
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
