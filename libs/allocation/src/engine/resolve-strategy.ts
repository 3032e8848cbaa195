import { SmartChargingConfigError } from "../errors.js";
import type { StrategySpec } from "../solver/strategy-spec.js";
import type { Strategy, StrategyFn, TimeOfUseWindow } from "../types.js";
import { requireTimeZone, requireWindows } from "./validate.js";

export interface StrategyOptions {
  timeOfUseWindows?: readonly TimeOfUseWindow[] | undefined;
  timeOfUseTimezone?: string | undefined;
  strictPriorityTiers?: boolean | undefined;
}

/** Turns the seed's `algorithm` option into the solver's strategy, validating what it needs. */
export function resolveStrategy(algorithm: Strategy | StrategyFn, options: StrategyOptions): StrategySpec {
  if (typeof algorithm === "function")
    return { kind: "CUSTOM", fn: algorithm, name: algorithm.name || "CUSTOM" };
  switch (algorithm) {
    case "EQUAL_SHARE":
      return { kind: "EQUAL_SHARE" };
    case "PRIORITY":
      return { kind: "PRIORITY", strictTiers: options.strictPriorityTiers === true };
    case "TIME_OF_USE": {
      requireWindows(options.timeOfUseWindows);
      requireTimeZone(options.timeOfUseTimezone);
      const windows = (options.timeOfUseWindows ?? []).map((w) => ({ ...w }));
      return options.timeOfUseTimezone === undefined
        ? { kind: "TIME_OF_USE", windows }
        : { kind: "TIME_OF_USE", windows, timeZone: options.timeOfUseTimezone };
    }
    default:
      throw new SmartChargingConfigError(
        `algorithm must be EQUAL_SHARE, PRIORITY, TIME_OF_USE or a function, got ${String(algorithm)}`,
        "algorithm",
      );
  }
}
