/**
 * Console demo of the engine on a simulated site: cars arrive and leave at a 60 kW, 3 × 80 A panel,
 * and every second (one simulated minute) the engine re-dispatches and the table is redrawn.
 * Ctrl-C stops it; `--minutes N` stops after N simulated minutes.
 */
import { SmartChargingEngine, type SessionProfile } from "@smart-charge/allocation";

const args = process.argv.slice(2);
const minutesArg = args.indexOf("--minutes");
const stopAfter = minutesArg >= 0 ? Number(args[minutesArg + 1]) : Infinity;
const tickMs = Number(process.env["DEMO_TICK_MS"] ?? 1000);

let simulatedNow = Date.UTC(2026, 5, 1, 7, 0);
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

const chargerRatings = [7.4, 11, 22, 22, 50];
const log: string[] = [];
const engine = new SmartChargingEngine({
  siteId: "DEMO-SITE",
  maxGridPowerKw: 60,
  safetyMarginPct: 5,
  phaseLimitsA: { L1: 80, L2: 80, L3: 80 },
  minDwellMs: 10 * 60_000,
  clock: () => simulatedNow,
  dispatcher: async () => undefined,
});
engine.on("gridOverCommitted", (info) =>
  note(`over-committed: ${info.starvedSessions.length} car(s) wait their turn`),
);
engine.on("sessionAdded", (s) =>
  note(`car plugged in at ${s.clientId} (${s.maxHardwarePowerKw ?? "∞"} kW charger)`),
);
engine.on("sessionRemoved", (s) => note(`car left ${s.clientId}`));

let nextId = 1;
function simulateArrivalsAndDepartures(): void {
  if (engine.sessionCount < 14 && random() < 0.35) {
    const id = nextId++;
    const singlePhase = random() < 0.25;
    engine.addSession({
      transactionId: id,
      clientId: `CP-${String(id).padStart(3, "0")}`,
      maxHardwarePowerKw: singlePhase
        ? 7.4
        : (chargerRatings[Math.floor(random() * chargerRatings.length)] ?? 22),
      minChargeRateKw: singlePhase ? 1.38 : 4.14,
      priority: random() < 0.15 ? 2 : 1,
      phases: singlePhase ? 1 : 3,
      ...(singlePhase ? { panelPhases: [(["L1", "L2", "L3"] as const)[id % 3] ?? "L1"] } : {}),
    });
  }
  for (const s of engine.getSessions()) if (random() < 0.04) engine.removeSession(s.transactionId);
}

function note(line: string): void {
  log.push(`${new Date(simulatedNow).toISOString().slice(11, 16)}  ${line}`);
  if (log.length > 6) log.shift();
}

function render(profiles: readonly SessionProfile[]): void {
  const total = profiles.reduce((a, p) => a + p.allocatedKw, 0);
  const lines = [
    `Smart Charge Engine demo: ${engine.config.siteId}, ${engine.config.gridLimitKw} kW grid, ` +
      `${engine.config.effectiveGridLimitKw} kW usable, simulated time ${new Date(simulatedNow).toISOString().slice(11, 16)} UTC`,
    "",
    "charger  phases   prio   limit kW   A/phase  why",
    ...profiles.map((p) =>
      [
        p.clientId.padEnd(8),
        p.panelPhases.join("+").padEnd(8),
        String(engine.getSession(p.transactionId)?.priority ?? "").padEnd(5),
        p.allocatedKw.toFixed(2).padStart(9),
        p.allocatedAmpsPerPhase.toFixed(1).padStart(9),
        ` ${p.reason}${p.limitingPhase ? ` (${p.limitingPhase})` : ""}`,
      ].join(" "),
    ),
    "",
    `allocated ${total.toFixed(2)} kW of ${engine.config.effectiveGridLimitKw.toFixed(2)} kW`,
    "",
    ...log,
  ];
  process.stdout.write(
    process.stdout.isTTY ? `\x1b[2J\x1b[H${lines.join("\n")}\n` : `${lines.join("\n")}\n\n`,
  );
}

let minutes = 0;
const timer = setInterval(() => {
  simulatedNow += 60_000;
  simulateArrivalsAndDepartures();
  engine
    .dispatch()
    .then(render)
    .catch((error: unknown) => console.error(error));
  if (++minutes >= stopAfter) stop();
}, tickMs);

function stop(): void {
  clearInterval(timer);
  console.log("demo stopped");
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
