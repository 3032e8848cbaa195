import { OPERATOR_COMMANDS } from "../commands/operator-commands.js";
import { DEFAULT_MQTT_URL } from "./common-options.js";

export function usage(): string {
  const commands = [
    [
      "tree [--watch] [--json] [--site-config <file>]",
      "Show the site's panels and sessions; --watch keeps it live.",
    ],
    ...OPERATOR_COMMANDS.map((spec) => [spec.synopsis, spec.summary]),
  ];
  return `Usage: sce <command> [options]

Commands:
${commands.map(([synopsis, summary]) => `  sce ${synopsis}\n      ${summary}`).join("\n")}

Options for every command:
  --site <id>          the site (default: $SCE_SITE)
  --mqtt-url <url>     the MQTT broker (default: $MQTT_URL, else ${DEFAULT_MQTT_URL})
  --username <name>    broker user name (default: $MQTT_USERNAME)
  --password <secret>  broker password (default: $MQTT_PASSWORD)
  --mqtt5              connect with MQTT 5 (commands also carry response topic and correlation data)
  --json               machine-readable output
  --timeout <s>        how long a command waits for its answer (default 10)
  -h, --help           this text

Options of tree:
  -w, --watch          redraw whenever a budget or status changes, until Ctrl-C
  --site-config <file> nest panels as the site configuration says (a list of panel ids also works)
  --stale-after <s>    flag a panel status older than this (default 30)
  --settle <ms>        without --watch: print once no retained message came for this long (default 500)

Exit codes: 0 accepted (also when clamped), 1 rejected, 2 no answer in time, 64 bad arguments,
69 broker unreachable.
`;
}
