/**
 * Grid-limit change → every SetChargingProfile of 50 panels × 40 chargers, end to end over Mosquitto:
 * the operator command is published, the site-master divides and publishes 50 budgets, each panel-engine
 * re-allocates and publishes 40 profile commands. Measured from the command's publish to the last of the
 * 2000 profile commands received by the bridge. See README.md.
 */
import { encodeMessage, MESSAGE_SCHEMAS, topics } from "@smart-charge/contracts";
import {
  connectClient,
  disposeOwnService,
  endClient,
  mqttBrokerForTests,
  percentile,
  startOwnMosquitto,
  uniqueId,
} from "@smart-charge/test-infra";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { startCpuMeter } from "./cpu-meter.js";
import { startMeasuringBridge } from "./measuring-bridge.js";
import { CHARGERS_PER_PANEL, chargerId, PANELS, startBenchSite } from "./bench-site.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 30);
/**
 * Changes run before measuring, while V8 compiles the paths a budget change takes: a site that has run
 * for a while has them compiled; the first few changes after start-up run 20–50 % slower.
 */
const WARMUP_ROUNDS = Number(process.env["BENCH_WARMUP_ROUNDS"] ?? 10);
/** Processes the 50 panel-engines run in (default: one per core of this machine). */
const HOSTS = Number(process.env["BENCH_ENGINE_HOSTS"] ?? availableParallelism());
/**
 * How long a charger takes to answer a SetChargingProfile through its bridge (OCPP over WebSocket:
 * bridge → charger → bridge). 0 answers at once, in the middle of the burst of commands.
 */
const CHARGER_ANSWER_MS = Number(process.env["BENCH_CHARGER_ANSWER_MS"] ?? 0);
const HIGH_KW = 5_000; // room for every charger at its 2 kW
const LOW_KW = 3_000; // 60 kW per panel: 1.5 kW per charger
const TOTAL = PANELS * CHARGERS_PER_PANEL;

/** MQTT_URL names a broker to measure; otherwise a Mosquitto of the bench's own, configured as deployed. */
async function benchBroker() {
  if (process.env["MQTT_URL"] !== undefined) return mqttBrokerForTests("mosquitto");
  // Saving its state holds the broker for a few milliseconds: as often as production, not every second.
  const own = await startOwnMosquitto({ autosave: "as-deployed" });
  return {
    url: own.url,
    source: "own mosquitto, deploy/mosquitto/mosquitto.conf",
    pid: own.pid,
    stop: () => disposeOwnService(own),
  };
}

async function main(): Promise<void> {
  const broker = await benchBroker();
  console.log(
    `broker ${broker.url} (${broker.source}); load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" / ")}`,
  );
  const site = uniqueId("bench-site");
  const bridge = await startMeasuringBridge(broker.url, site, TOTAL, CHARGER_ANSWER_MS);
  // The bench's own client: the chargers' session events (as their bridge relays them) and the operator.
  const client = await connectClient(broker.url);

  console.log(
    `starting ${PANELS} panel-engines in ${HOSTS} processes and the site-master on ${broker.url} …`,
  );
  const running = await startBenchSite(site, broker.url, HIGH_KW, HOSTS);
  const ramp = bridge.startRound().done;
  const progress = setInterval(
    () => console.log(`ramp: ${bridge.seen()}/${TOTAL} chargers have a profile`),
    10_000,
  );
  for (let p = 0; p < PANELS; p++)
    for (let c = 0; c < CHARGERS_PER_PANEL; c++)
      await client.publishAsync(
        topics.sessionEvent(site, chargerId(p, c)),
        encodeMessage(MESSAGE_SCHEMAS.sessionEvent, {
          type: "started",
          chargerId: chargerId(p, c),
          transactionId: `tx-${p}-${c}`,
          connectorId: 1,
          ocppVersion: "1.6",
          at: new Date().toISOString(),
        }),
        { qos: 1 },
      );
  await ramp;
  clearInterval(progress);
  console.log(
    `${TOTAL} sessions charging; ${WARMUP_ROUNDS} warm-up rounds, then measuring ${ROUNDS} grid-limit changes`,
  );

  /** One grid-limit change: from just before the command's publish to the last charger's profile. */
  const change = async (round: number) => {
    // Let the previous round's statuses and confirmations settle.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const limitKw = round % 2 === 0 ? LOW_KW : HIGH_KW;
    const measured = bridge.startRound();
    const start = performance.now();
    await client.publishAsync(
      topics.setGridLimit(site),
      encodeMessage(MESSAGE_SCHEMAS.setGridLimit, { requestId: `bench-${round}`, limitKw }),
      { qos: 1 },
    );
    const took = (await measured.done) - start;
    return { took, first: (measured.firstAt() ?? NaN) - start, lowered: limitKw === LOW_KW };
  };
  // The first changes run code the ramp did not (a budget change in every engine), while V8 compiles it.
  for (let round = 0; round < WARMUP_ROUNDS; round++) await change(round);

  const cpu = startCpuMeter([
    { name: "site-master + bridge", pid: process.pid },
    ...running.enginePids.map((pid, i) => ({ name: `engines ${i + 1}`, pid })),
    { name: "mosquitto", pid: "pid" in broker ? broker.pid : undefined },
  ]);
  const samples: number[] = [];
  const firsts: number[] = [];
  const byDirection = { lowered: [] as number[], raised: [] as number[] };
  for (let round = WARMUP_ROUNDS; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const { took, first, lowered } = await change(round);
    samples.push(took);
    firsts.push(first);
    (lowered ? byDirection.lowered : byDirection.raised).push(took);
  }
  const cpuPerRound = cpu.perRound(ROUNDS);
  await running.stop();
  await bridge.stop();
  await endClient(client);
  await broker.stop();

  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.table({
    "grid-limit change → last of 2000 profiles": {
      rounds: samples.length,
      p50: ms(percentile(sorted, 50)),
      p90: ms(percentile(sorted, 90)),
      p99: ms(percentile(sorted, 99)),
      max: ms(Math.max(...samples)),
      target: "p99 ≤ 100 ms",
    },
  });
  if (Object.keys(cpuPerRound).length > 0) console.table({ "CPU per round": cpuPerRound });
  const p50 = (xs: number[]) =>
    ms(
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      ),
    );
  console.log(`each round, in order (ms): ${samples.map((x) => x.toFixed(0)).join(" ")}`);
  console.log(
    `first profile after p50 ${p50(firsts)}; rounds that lowered every profile p50 ${p50(byDirection.lowered)}, ` +
      `raised p50 ${p50(byDirection.raised)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
