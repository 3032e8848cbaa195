/**
 * What the operator reads after a command, and the exit code scripts test: 0 accepted (also when the
 * value was clamped), 1 rejected, 2 no answer in time.
 */
import type { OperatorOutcome } from "./send-operator-command.js";

export const EXIT = { accepted: 0, rejected: 1, timeout: 2, usage: 64, unavailable: 69 } as const;

export interface Clamp {
  field: string;
  requested: number;
  applied: number;
}

export type Verdict = "accepted" | "clamped" | "rejected" | "timeout";

function numbers(value: unknown, path = ""): Map<string, number> {
  const found = new Map<string, number>();
  if (typeof value === "number") found.set(path, value);
  else if (typeof value === "object" && value !== null && !Array.isArray(value))
    for (const [key, inner] of Object.entries(value))
      for (const [field, n] of numbers(inner, path === "" ? key : `${path}.${key}`)) found.set(field, n);
  return found;
}

/** Fields the answer applied with another value than the one asked for (e.g. a limit above the rating). */
export function clampsOf(
  command: Record<string, unknown>,
  applied: Record<string, unknown> | undefined,
): Clamp[] {
  const asked = numbers(command);
  return [...numbers(applied ?? {})].flatMap(([field, value]) => {
    const requested = asked.get(field);
    return requested !== undefined && Math.abs(requested - value) > 1e-9
      ? [{ field, requested, applied: value }]
      : [];
  });
}

export function verdictOf(outcome: OperatorOutcome): Verdict {
  if (outcome.kind === "timeout") return "timeout";
  if (!outcome.result.ok) return "rejected";
  return clampsOf(outcome.command, outcome.result.applied).length > 0 ? "clamped" : "accepted";
}

export function exitCodeOf(verdict: Verdict): number {
  return verdict === "clamped" ? EXIT.accepted : EXIT[verdict];
}

/** The values in force, without the site-master's `clamped` field list. */
function inForce(applied: Record<string, unknown> | undefined): Record<string, unknown> {
  const values = { ...applied };
  delete values["clamped"];
  return values;
}

function appliedText(applied: Record<string, unknown> | undefined): string {
  const entries = Object.entries(inForce(applied));
  return entries.length === 0
    ? ""
    : `; now in force: ${entries.map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(", ")}`;
}

/** One or two lines for the terminal. */
export function describeOutcome(outcome: OperatorOutcome, answeredBy: string): string[] {
  const id = `(request ${outcome.requestId})`;
  if (outcome.kind === "timeout") {
    const seconds = (outcome.waitedMs / 1000).toFixed(1);
    return [
      `no answer: ${answeredBy} did not answer within ${seconds} s ${id}.`,
      `Is it running and connected to this broker, and is the site id right?`,
    ];
  }
  const { result } = outcome;
  if (!result.ok) {
    const error = result.error ?? { field: "(unknown)", message: "no reason given" };
    return [`rejected: ${error.field}: ${error.message} ${id}`];
  }
  const clamps = clampsOf(outcome.command, result.applied);
  if (clamps.length === 0) return [`accepted${appliedText(result.applied)} ${id}`];
  const changes = clamps.map((c) => `${c.field} ${c.requested} requested, ${c.applied} applied`).join("; ");
  return [`clamped: ${changes}${appliedText(result.applied)} ${id}`];
}
