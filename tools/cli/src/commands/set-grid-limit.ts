import { topics } from "@smart-charge/contracts";
import {
  parseNumber,
  phaseAmpsFlag,
  rejectExtraPositionals,
  requirePositional,
} from "../cli/parse-values.js";
import { stringOption } from "../cli/common-options.js";
import type { OperatorCommandSpec } from "./operator-command-spec.js";

export const setGridLimit: OperatorCommandSpec = {
  name: "set-grid-limit",
  synopsis: "set-grid-limit <kW> [--phase-amps L1,L2,L3]",
  summary: "Set the power the site's grid connection may carry (and its per-phase current limits).",
  options: { "phase-amps": { type: "string" } },
  build(site, positionals, values) {
    const limitKw = parseNumber(requirePositional(positionals, 0, "<kW>"), "<kW>", { min: 0 });
    rejectExtraPositionals(positionals, 1);
    return {
      kind: "setGridLimit",
      topic: topics.setGridLimit(site),
      body: { limitKw, ...phaseAmpsFlag(stringOption(values, "phase-amps")) },
      answeredBy: "the site-master",
    };
  },
};
