/**
 * Budget sequences are compared inside Redis as Lua numbers (doubles): past 2^53 two sequences could
 * compare equal, so a store refuses them rather than silently ignore a newer budget.
 */
export function checkBudgetSequence(sequence: number): void {
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new RangeError(`budget sequence must be a non-negative safe integer, got ${sequence}`);
  }
}
