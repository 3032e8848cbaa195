import { strategySchema, topics, type TimeOfUseWindow } from "@smart-charge/contracts";
import { parseNumber, rejectExtraPositionals, requirePositional } from "../cli/parse-values.js";
import { stringOption, type OptionValues } from "../cli/common-options.js";
import { UsageError } from "../cli/usage-error.js";
import type { OperatorCommandSpec } from "./operator-command-spec.js";

function peakWindow(values: OptionValues): TimeOfUseWindow | undefined {
  const hours = stringOption(values, "peak-hours");
  const share = stringOption(values, "peak-share");
  if (hours === undefined && share === undefined) return undefined;
  if (hours === undefined) throw new UsageError("--peak-hours", "is needed with --peak-share");
  if (share === undefined) throw new UsageError("--peak-share", "is needed with --peak-hours");
  const [start, end, ...rest] = hours.split("-");
  if (rest.length > 0 || end === undefined)
    throw new UsageError("--peak-hours", `expects <start>-<end> in local hours (e.g. 17-21), got "${hours}"`);
  const hour = (text: string) => parseNumber(text, "--peak-hours", { min: 0, max: 23 });
  return {
    peakStartHour: hour(start ?? ""),
    peakEndHour: hour(end),
    peakPowerMultiplier: parseNumber(share, "--peak-share", { min: 0, max: 1 }),
  };
}

export const setStrategy: OperatorCommandSpec = {
  name: "set-strategy",
  synopsis: "set-strategy <panel> <EQUAL_SHARE|PRIORITY|TIME_OF_USE> [--peak-hours 17-21 --peak-share 0.5]",
  summary: "Choose how a panel shares its budget; TIME_OF_USE takes a peak window the first time.",
  options: { "peak-hours": { type: "string" }, "peak-share": { type: "string" } },
  build(site, positionals, values) {
    const panel = requirePositional(positionals, 0, "<panel>");
    const name = requirePositional(positionals, 1, "<strategy>");
    rejectExtraPositionals(positionals, 2);
    const strategy = strategySchema.safeParse(name.toUpperCase().replaceAll("-", "_"));
    if (!strategy.success)
      throw new UsageError(
        "<strategy>",
        `must be one of ${strategySchema.options.join(", ")}, got "${name}"`,
      );
    const window = peakWindow(values);
    if (window !== undefined && strategy.data !== "TIME_OF_USE")
      throw new UsageError("--peak-hours", "only goes with TIME_OF_USE");
    return {
      kind: "setPanelStrategy",
      topic: topics.setPanelStrategy(site, panel),
      body: { panel, strategy: strategy.data, ...(window === undefined ? {} : { timeOfUse: window }) },
      answeredBy: `the panel-engine of panel ${panel}`,
    };
  },
};
