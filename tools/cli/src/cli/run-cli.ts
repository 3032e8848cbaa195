/** `sce <command> …` → exit code. Everything outside is in `io`, so tests run the CLI in-process. */
import { ContractError } from "@smart-charge/contracts";
import { ConfigError } from "@smart-charge/service-kit";
import { OPERATOR_COMMANDS } from "../commands/operator-commands.js";
import { EXIT } from "../commands/describe-outcome.js";
import { runOperatorCommand } from "../commands/run-operator-command.js";
import { runTree } from "../commands/tree.js";
import { BrokerUnreachableError } from "../mqtt/connect-cli-client.js";
import type { CliIo } from "./cli-io.js";
import { usage } from "./usage.js";
import { UsageError } from "./usage-error.js";

/** node:util parseArgs reports unknown or incomplete options as TypeErrors with an ERR_PARSE_ARGS_ code. */
function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")
  );
}

async function dispatch(command: string | undefined, args: string[], io: CliIo): Promise<number> {
  if (
    command === undefined ||
    command === "help" ||
    command === "--help" ||
    command === "-h" ||
    args.includes("--help") ||
    args.includes("-h")
  ) {
    io.stdout.write(usage());
    return command === undefined ? EXIT.usage : 0;
  }
  if (command === "tree") return runTree(args, io);
  const spec = OPERATOR_COMMANDS.find((candidate) => candidate.name === command);
  if (spec === undefined) throw new UsageError(command, "unknown command");
  return runOperatorCommand(spec, args, io);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    return await dispatch(command, args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ContractError || isParseArgsError(error)) {
      io.stderr.write(`sce ${command ?? ""}: ${error.message}\nRun "sce --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`sce ${command ?? ""}: --site-config: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof BrokerUnreachableError) {
      io.stderr.write(`sce ${command ?? ""}: ${error.message}\n`);
      return EXIT.unavailable;
    }
    throw error;
  }
}
