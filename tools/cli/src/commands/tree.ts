/** `sce tree [--watch] [--json] [--site-config <file>]`: the live tree of a site's panels and sessions. */
import { parseArgs } from "node:util";
import { type CliIo, writeLines } from "../cli/cli-io.js";
import {
  brokerOptions,
  COMMON_OPTIONS,
  siteOption,
  stringOption,
  type OptionValues,
} from "../cli/common-options.js";
import { parseNumber, rejectExtraPositionals, rejectNegativeNumbers } from "../cli/parse-values.js";
import { connectCliClient } from "../mqtt/connect-cli-client.js";
import { renderTree } from "../view/render-tree.js";
import { readSiteLayout } from "../view/site-layout.js";
import { siteViewJson } from "../view/site-view-json.js";
import type { SiteViewState } from "../view/site-view-state.js";
import { watchSite } from "../watch-site.js";
import { TerminalFrames } from "./terminal-frames.js";

export const TREE_OPTIONS = {
  watch: { type: "boolean", short: "w" },
  "site-config": { type: "string" },
  "stale-after": { type: "string" },
  settle: { type: "string" },
} as const;

function viewOptions(values: OptionValues) {
  const stale = stringOption(values, "stale-after");
  const settle = stringOption(values, "settle");
  return {
    staleAfterMs: stale === undefined ? undefined : parseNumber(stale, "--stale-after", { min: 0 }) * 1000,
    settleMs: settle === undefined ? undefined : parseNumber(settle, "--settle", { min: 0 }),
  };
}

export async function runTree(args: string[], io: CliIo): Promise<number> {
  rejectNegativeNumbers(args);
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON_OPTIONS, ...TREE_OPTIONS },
    allowPositionals: true,
    strict: true,
  });
  rejectExtraPositionals(positionals, 0);
  const site = siteOption(values, io.env);
  const { staleAfterMs, settleMs } = viewOptions(values);
  const configPath = stringOption(values, "site-config");
  const layout = configPath === undefined ? undefined : readSiteLayout(configPath);
  const json = values.json === true;
  const show = (state: SiteViewState): string[] => {
    const now = io.now();
    if (json) return [JSON.stringify(siteViewJson(state, now, staleAfterMs))];
    const width = io.stdout.columns ?? 100;
    return renderTree(state, { now, width, ...(staleAfterMs === undefined ? {} : { staleAfterMs }) });
  };

  const client = await connectCliClient(brokerOptions(values, io.env), {
    reconnect: values.watch === true,
    onError: (error) => io.stderr.write(`sce: MQTT: ${error.message}\n`),
  });
  try {
    if (values.watch !== true) {
      const watch = await watchSite({
        client,
        site,
        ...(layout ? { layout } : {}),
        ...(settleMs === undefined ? {} : { settleMs }),
      });
      writeLines(io.stdout, show(await watch.settled));
      await watch.stop();
      return 0;
    }
    const frames = new TerminalFrames(io.stdout, json);
    let latest: SiteViewState | undefined;
    const redraw = () => latest !== undefined && frames.draw(show(latest));
    const watch = await watchSite({
      client,
      site,
      ...(layout ? { layout } : {}),
      onChange: (state) => {
        latest = state;
        frames.soon(redraw);
      },
    });
    latest = watch.state;
    redraw();
    // On a terminal, ages and staleness move with the clock, not only with messages.
    const ticker = frames.inPlace ? setInterval(redraw, 1000) : undefined;
    await new Promise<void>((resolve) => {
      if (io.signal?.aborted) resolve();
      io.signal?.addEventListener("abort", () => resolve(), { once: true });
    });
    clearInterval(ticker);
    frames.close();
    await watch.stop();
    return 0;
  } finally {
    await client.endAsync();
  }
}
