/** Turns command-line words into the numbers and records the contract wants, naming the argument on error. */
import type { PhaseAmps } from "@smart-charge/contracts";
import { UsageError } from "./usage-error.js";

export interface NumberRange {
  min?: number;
  /** Exclusive upper bound. */
  below?: number;
  max?: number;
}

export function parseNumber(text: string | undefined, argument: string, range: NumberRange = {}): number {
  if (text === undefined || text.trim() === "") throw new UsageError(argument, "is missing");
  const value = Number(text.trim());
  if (!Number.isFinite(value)) throw new UsageError(argument, `must be a number, got "${text}"`);
  if (range.min !== undefined && value < range.min)
    throw new UsageError(argument, `must be at least ${range.min}, got ${value}`);
  if (range.max !== undefined && value > range.max)
    throw new UsageError(argument, `must be at most ${range.max}, got ${value}`);
  if (range.below !== undefined && value >= range.below)
    throw new UsageError(argument, `must be below ${range.below}, got ${value}`);
  return value;
}

/** `32,32,16` → { L1: 32, L2: 32, L3: 16 }. */
export function parsePhaseAmps(text: string, argument: string): PhaseAmps {
  const parts = text.split(",");
  if (parts.length !== 3)
    throw new UsageError(argument, `expects three currents in A for L1,L2,L3 (e.g. 32,32,32), got "${text}"`);
  const [l1, l2, l3] = parts.map((part, i) => parseNumber(part, `${argument} (L${i + 1})`, { min: 0 }));
  return { L1: l1 ?? 0, L2: l2 ?? 0, L3: l3 ?? 0 };
}

export function requirePositional(positionals: readonly string[], index: number, argument: string): string {
  const value = positionals[index];
  if (value === undefined || value === "") throw new UsageError(argument, "is missing");
  return value;
}

export function rejectExtraPositionals(positionals: readonly string[], expected: number): void {
  const extra = positionals[expected];
  if (extra !== undefined) throw new UsageError(extra, "unexpected argument");
}

/** parseArgs would take `-5` for an option; say what is really wrong with it. */
export function rejectNegativeNumbers(args: readonly string[]): void {
  const negative = args.find((arg) => /^-\d/.test(arg));
  if (negative !== undefined) throw new UsageError(negative, "must not be negative");
}

/** `--phase-amps L1,L2,L3`: omitted leaves the field out of the command. */
export function phaseAmpsFlag(text: string | undefined): { phaseAmps?: PhaseAmps } {
  return text === undefined ? {} : { phaseAmps: parsePhaseAmps(text, "--phase-amps") };
}
