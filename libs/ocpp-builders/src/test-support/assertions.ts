import { OcppProfileError } from "../errors.js";

/** Runs `build` and returns the OcppProfileError's field, or fails the test if it did not throw one. */
export function errorField(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof OcppProfileError) return error.field;
    throw error;
  }
  throw new Error("expected an OcppProfileError, but the builder returned normally");
}

/** True when the number prints with at most one decimal, which is what a charger parses. */
export function hasAtMostOneDecimal(value: number): boolean {
  return /^-?\d+(\.\d)?$/.test(JSON.stringify(value));
}

/** An OCPP dateTime as this package writes it: UTC, whole seconds, ending in Z. */
export const OCPP_UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
