import type { z } from "zod";
import { ROOT_FIELD } from "../errors/contract-error.js";
import type { ContractIssue } from "../errors/contract-error.js";

/** Dotted path of a field (`sessions.0.allocatedKw`), or `(root)` for the message as a whole. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? ROOT_FIELD : path.map(String).join(".");
}

/** zod reports every problem; a reader acts on the first, so only that one travels on the wire. */
export function firstIssue(error: z.ZodError): ContractIssue {
  const issue = error.issues[0];
  if (issue === undefined) return { field: ROOT_FIELD, message: "invalid message" };
  return { field: fieldPath(issue.path), message: issue.message };
}
