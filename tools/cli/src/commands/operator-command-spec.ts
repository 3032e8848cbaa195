import type { OptionValues, OptionsConfig } from "../cli/common-options.js";
import type { OperatorKind, OperatorRequest } from "./send-operator-command.js";

/** One operator command of the CLI: its own flags and how its words become a contract command. */
export interface OperatorCommandSpec {
  name: string;
  synopsis: string;
  summary: string;
  options: OptionsConfig;
  /** Throws UsageError naming the argument when the words do not make a valid command. */
  build(site: string, positionals: readonly string[], values: OptionValues): OperatorRequest<OperatorKind>;
}
