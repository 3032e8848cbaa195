/**
 * Failover time of an active/standby pair: kill -9 of the leader → the first TxProfile command from its
 * successor on a charger's command topic. Both engines are real processes (`main.ts` from source) on our
 * own Redis and Mosquitto; the leader is killed `--kills` times (default 10), each time with three
 * sessions running, and restarted as the standby before the next kill. See README.md.
 *
 * Options: --kills 10
 */
import { parseArgs } from "node:util";
import { isFailSafe } from "../src/test-support/bridge-simulator.js";
import { ChaosSite } from "../src/test-support/chaos-site.js";
import { commandOf } from "../src/test-support/contract-messages.js";
import { formatMs, load, printTable, summarize } from "./stats.js";

const { values } = parseArgs({ options: { kills: { type: "string", default: "10" } } });
const kills = Number(values.kills);

async function main(): Promise<void> {
  const site = await ChaosSite.start();
  const timing = site.config.timing;
  console.log("panel-engine failover: kill -9 of the leader → first profile from the new leader");
  console.log(
    `lease ${timing.leaseTtlMs} ms, renewal/attempt every ${timing.leaseRenewMs} ms, ` +
      `safety margin ${timing.leaseSafetyMarginMs} ms; ${kills} kills`,
  );
  console.log(load("at start").text);
  const times: number[] = [];
  try {
    await site.withThreeSessions();
    for (let kill = 1; kill <= kills; kill++) {
      const leader = site.leader();
      if (leader === undefined) throw new Error(`no leader before kill ${kill}`);
      const [instanceId, engine] = leader;
      const epoch = site.observer.highestEpoch;
      const killedAt = performance.now();
      engine.child.kill("SIGKILL");
      await site.bridge.commands.waitForNext((m) => commandOf(m).epoch > epoch && !isFailSafe(commandOf(m)), {
        timeoutMs: 15_000,
        description: `the new leader's first profile after kill ${kill}`,
      });
      times.push(performance.now() - killedAt);
      console.log(`  kill ${kill}: ${formatMs(times.at(-1) ?? NaN)} ms`);
      await engine.exited;
      await site.launch(instanceId);
    }
  } finally {
    await site.close();
  }
  const { n, p50, max } = summarize(times);
  printTable(
    ["kills", "p50", "max", "lease"],
    [[String(n), `${formatMs(p50)} ms`, `${formatMs(max)} ms`, `${timing.leaseTtlMs} ms`]],
  );
  console.log(load("at end").text);
  if (site.observer.violations.length > 0) console.log(`VIOLATIONS: ${site.observer.violations.join("; ")}`);
  if (max > 2_000) console.log("MISSED: a failover took longer than 2 s");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
