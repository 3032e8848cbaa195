/**
 * The seed's flow: the same bridge, events and measurement as ours.ts, against SeedPanel. The bridge does
 * not answer commands (the seed reads no results). Each event makes the seed dispatch to all N sessions,
 * so a sample ends when the target charger's command arrives and the next one starts once all N have.
 */
import { uniqueId } from "@smart-charge/test-infra";
import { BenchBridge } from "./bridge.js";
import { CHARGER_KW, measure, PANEL, startedEvent, type Samples } from "./flow.js";
import type { RunOptions, Urls } from "./ours.js";
import { SeedPanel } from "./seed-panel.js";
import { withTimeout } from "../src/failover/with-timeout.js";

export interface SeedResult {
  readonly samples: Samples;
  /** Commands the seed published per measured event (it dispatches to every session). */
  readonly commandsPerEvent: number;
  readonly refused: number;
}

export async function runSeed(n: number, urls: Urls, options: RunOptions): Promise<SeedResult> {
  const site = uniqueId("bench-seed");
  const bridge = await BenchBridge.start(urls.mqtt, site, false);
  const seed = await SeedPanel.start(urls.mqtt, site, PANEL, n * CHARGER_KW + 10);
  try {
    for (let i = 0; i < n; i++) {
      const { topic, body } = startedEvent(site, i);
      bridge.send(topic, body);
    }
    await bridge.until(() => seed.engine.sessionCount === n, 30_000, `the seed to hold ${n} sessions`);
    await withTimeout(bridge.quiet(200), 120_000, "the seed's start-up dispatches to finish");
    const before = bridge.commandsSeen;
    const samples = await measure(bridge, site, n, {
      ...options,
      // Each event is one dispatch() of N commands: wait for all of them before the next event.
      settle: (_i, seen) => bridge.until(() => bridge.commandsSeen - seen >= n, 10_000, `${n} commands`),
    });
    const events = 2 * (options.samples + options.warmup);
    return { samples, commandsPerEvent: (bridge.commandsSeen - before) / events, refused: seed.refused };
  } finally {
    await seed.stop();
    await bridge.close([]);
  }
}
