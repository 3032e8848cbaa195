import { topics } from "@smart-charge/contracts";
import {
  parseNumber,
  phaseAmpsFlag,
  rejectExtraPositionals,
  requirePositional,
} from "../cli/parse-values.js";
import { stringOption } from "../cli/common-options.js";
import type { OperatorCommandSpec } from "./operator-command-spec.js";

export const setPanelCap: OperatorCommandSpec = {
  name: "set-panel-cap",
  synopsis: "set-panel-cap <panel> <kW|none> [--phase-amps L1,L2,L3|none]",
  summary: "Cap the budget the site-master may give a panel; none removes the cap.",
  options: { "phase-amps": { type: "string" } },
  build(site, positionals, values) {
    const panel = requirePositional(positionals, 0, "<panel>");
    const cap = requirePositional(positionals, 1, "<kW|none>");
    rejectExtraPositionals(positionals, 2);
    const amps = stringOption(values, "phase-amps");
    // A cap, unlike the grid limit, can be lifted: `none` removes it.
    const phaseAmps = amps === "none" ? { phaseAmps: null } : phaseAmpsFlag(amps);
    return {
      kind: "setPanelBudgetCap",
      topic: topics.setPanelBudgetCap(site, panel),
      body: { panel, capKw: cap === "none" ? null : parseNumber(cap, "<kW|none>", { min: 0 }), ...phaseAmps },
      answeredBy: "the site-master",
    };
  },
};
