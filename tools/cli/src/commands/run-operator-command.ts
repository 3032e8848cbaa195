/** `sce set-…`: builds the command from the words, sends it, waits for the answer, prints the verdict. */
import { parseArgs } from "node:util";
import { type CliIo, writeLines } from "../cli/cli-io.js";
import { brokerOptions, COMMON_OPTIONS, siteOption, timeoutMs } from "../cli/common-options.js";
import { rejectNegativeNumbers } from "../cli/parse-values.js";
import { connectCliClient } from "../mqtt/connect-cli-client.js";
import { clampsOf, describeOutcome, exitCodeOf, verdictOf } from "./describe-outcome.js";
import type { OperatorCommandSpec } from "./operator-command-spec.js";
import { sendOperatorCommand } from "./send-operator-command.js";

export async function runOperatorCommand(
  spec: OperatorCommandSpec,
  args: string[],
  io: CliIo,
): Promise<number> {
  rejectNegativeNumbers(args);
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON_OPTIONS, ...spec.options },
    allowPositionals: true,
    strict: true,
  });
  const site = siteOption(values, io.env);
  const request = spec.build(site, positionals, values);
  const broker = brokerOptions(values, io.env);
  const client = await connectCliClient(broker, {
    reconnect: false,
    onError: (error) => io.stderr.write(`sce: MQTT: ${error.message}\n`),
  });
  try {
    const outcome = await sendOperatorCommand(client, request, {
      site,
      timeoutMs: timeoutMs(values),
      now: () => new Date(io.now()),
    });
    const verdict = verdictOf(outcome);
    if (values.json === true) {
      const result = outcome.kind === "answered" ? { result: outcome.result } : {};
      const clamps = outcome.kind === "answered" ? clampsOf(outcome.command, outcome.result.applied) : [];
      writeLines(io.stdout, [
        JSON.stringify({
          verdict,
          requestId: outcome.requestId,
          command: outcome.command,
          ...result,
          clamps,
        }),
      ]);
    } else {
      writeLines(verdict === "timeout" ? io.stderr : io.stdout, describeOutcome(outcome, request.answeredBy));
    }
    return exitCodeOf(verdict);
  } finally {
    await client.endAsync();
  }
}
