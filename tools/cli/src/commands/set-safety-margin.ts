import { topics } from "@smart-charge/contracts";
import { parseNumber, rejectExtraPositionals, requirePositional } from "../cli/parse-values.js";
import type { OperatorCommandSpec } from "./operator-command-spec.js";

const IN_KW = /^(.*?)\s*kW$/i;

export const setSafetyMargin: OperatorCommandSpec = {
  name: "set-safety-margin",
  synopsis: "set-safety-margin <pct>   (e.g. 5 or 5%; 3kW for a fixed power)",
  summary: "Set the share of the grid limit that is never allocated.",
  options: {},
  build(site, positionals) {
    const text = requirePositional(positionals, 0, "<pct>");
    rejectExtraPositionals(positionals, 1);
    const kw = IN_KW.exec(text);
    const body =
      kw !== null
        ? { marginKw: parseNumber(kw[1], "<pct>", { min: 0 }) }
        : { marginPercent: parseNumber(text.replace(/%$/, ""), "<pct>", { min: 0, below: 100 }) };
    return {
      kind: "setSafetyMargin",
      topic: topics.setSafetyMargin(site),
      body,
      answeredBy: "the site-master",
    };
  },
};
