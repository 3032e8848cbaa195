import { OcppProfileError } from "./errors.js";

// Inputs arrive from other packages and from JSON, so every guard checks the runtime value, not just its type.

export function requireFiniteNonNegative(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new OcppProfileError(field, `must be a finite number, got ${String(value)}`);
  }
  if (value < 0) throw new OcppProfileError(field, `must not be negative, got ${value}`);
  return value;
}

export function requirePositive(field: string, value: unknown): number {
  const checked = requireFiniteNonNegative(field, value);
  if (checked === 0) throw new OcppProfileError(field, "must be greater than 0");
  return checked;
}

/** OCPP integers are 32-bit signed on the wire; anything larger is truncated or rejected by chargers. */
export const MAX_OCPP_INTEGER = 2_147_483_647;

export function requireInteger(field: string, value: unknown, min: number, max = MAX_OCPP_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new OcppProfileError(field, `must be an integer, got ${String(value)}`);
  }
  if (value < min || value > max) {
    throw new OcppProfileError(field, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

export function requireOneOf<T extends string | number>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw new OcppProfileError(field, `must be one of ${allowed.join(", ")}, got ${String(value)}`);
  }
  return match;
}
