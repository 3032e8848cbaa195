import type { StrategyFn, TimeOfUseWindow } from "../types.js";

/** How the power above the minimums is shared. */
export type StrategySpec =
  | { readonly kind: "EQUAL_SHARE" }
  /** Weighted by priority as the seed does; `strictTiers` fills higher priorities to their caps first. */
  | { readonly kind: "PRIORITY"; readonly strictTiers?: boolean }
  /** Equal share of a budget reduced by the peak window in force (IANA zone; host's when omitted). */
  | { readonly kind: "TIME_OF_USE"; readonly windows: readonly TimeOfUseWindow[]; readonly timeZone?: string }
  | { readonly kind: "CUSTOM"; readonly fn: StrategyFn; readonly name?: string };
