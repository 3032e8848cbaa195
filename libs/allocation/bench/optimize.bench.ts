/**
 * `npm run bench`: SmartChargingEngine.optimize() against ocpp-smart-charge-engine 0.3.0 (the seed) on
 * the same sessions and the same grid limit. Run with `--conditions=@smart-charge/source` so the current
 * sources are measured, not a possibly stale dist/. Each engine × case is timed in a fresh Node process.
 *
 * Optional arguments filter the cases: `npm run bench -- distinct 5000` runs the cases whose label
 * ("every cap distinct 5000 PRIORITY") has every word given.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Strategy } from "@smart-charge/allocation";
import { checkOutputs, optimizerFor, type EngineKind } from "./engines.js";
import { DEFAULT_MEASURE, formatMs, load, machine, printTable, type Timing } from "./harness.js";
import {
  distinctCaps,
  GRID_SHARE_OF_CAPS,
  gridLimitKw,
  makeSessions,
  MIN_CHARGE_KW,
  SCENARIOS,
  type Scenario,
} from "./sessions.js";

const SIZES = [100, 1000, 5000] as const;
const ALGORITHMS: readonly Strategy[] = ["EQUAL_SHARE", "PRIORITY"];
const CASE_SCRIPT = fileURLToPath(new URL("./measure-case.ts", import.meta.url));

/** The issue's targets: ≥ 20× at 5000 distinct caps, never slower on the realistic mix. */
function targetFor(scenario: Scenario, count: number): number | undefined {
  if (scenario === "realistic mix") return 1;
  return count === 5000 ? 20 : undefined;
}

/** Times one engine in a child process with this process's Node flags (tsx loader, --conditions). */
function time(kind: EngineKind, scenario: Scenario, count: number, algorithm: Strategy): Timing {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, CASE_SCRIPT, kind, scenario, String(count), algorithm],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "") as Timing;
}

const filters = process.argv.slice(2).map((f) => f.toLowerCase());
const cases = SCENARIOS.flatMap((scenario) =>
  SIZES.flatMap((count) => ALGORITHMS.map((algorithm) => ({ scenario, count, algorithm }))),
).filter((c) => {
  const words = `${c.scenario} ${c.count} ${c.algorithm}`.toLowerCase().split(" ");
  return filters.every((f) => words.includes(f));
});

const m = DEFAULT_MEASURE;
console.log("optimize(): @smart-charge/allocation (ours) vs ocpp-smart-charge-engine 0.3.0 (seed)");
console.log(machine());
console.log(load("at start", 1));
console.log(
  `Budget: grid = ${GRID_SHARE_OF_CAPS * 100}% of the sum of the session caps, safety margin 0; every ` +
    `session asks for min ${MIN_CHARGE_KW} kW (the minimums fit).\nTime: median ms of one optimize() ` +
    `after ≥ ${m.warmupMs} ms warm-up, over ≥ ${m.minRuns} runs and ≥ ${m.minTimeMs} ms; ` +
    `each engine × case in a fresh process. Ratio = seed / ours.\n`,
);

const rows: string[][] = [];
const sanityRows: string[][] = [];
const missed: string[] = [];
for (const { scenario, count, algorithm } of cases) {
  const name = `${scenario}, ${algorithm}`;
  process.stderr.write(`  measuring ${name}, ${count} sessions…\n`);
  const ours = time("ours", scenario, count, algorithm);
  const seed = time("seed", scenario, count, algorithm);
  const ratio = seed.medianMs / ours.medianMs;
  const target = targetFor(scenario, count);
  const met = target === undefined ? "n/a" : ratio >= target ? "yes" : "MISSED";
  if (met === "MISSED") missed.push(`${name}, ${count} sessions: ${ratio.toFixed(2)}× < ${target}×`);

  const sessions = makeSessions(scenario, count);
  const gridKw = gridLimitKw(sessions);
  const c = checkOutputs(
    gridKw,
    optimizerFor("ours", sessions, gridKw, algorithm)(),
    optimizerFor("seed", sessions, gridKw, algorithm)(),
  );
  if (!c.safe) missed.push(`${name}, ${count} sessions: UNSAFE output (over budget or below minimum)`);
  rows.push([
    name,
    String(count),
    String(distinctCaps(sessions)),
    formatMs(ours.medianMs),
    formatMs(seed.medianMs),
    `${ratio.toFixed(1)}×`,
    target === undefined ? "–" : `≥ ${target}×`,
    met,
  ]);
  sanityRows.push([
    name,
    String(count),
    gridKw.toFixed(1),
    c.oursKw.toFixed(2),
    c.seedKw.toFixed(2),
    c.maxDiffKw.toFixed(3),
    `${ours.runs}/${seed.runs}`,
    c.safe ? "yes" : "NO",
  ]);
}

printTable(["scenario", "sessions", "distinct caps", "ours ms", "seed ms", "ratio", "target", "met?"], rows);
console.log(
  "\nSanity: ours within the budget and nobody below the minimum (safe?); " +
    "max |Δ| = largest per-session difference from the seed's allocation:",
);
printTable(
  ["scenario", "sessions", "budget kW", "ours kW", "seed kW", "max |Δ| kW", "runs ours/seed", "safe?"],
  sanityRows,
);
// The benchmark itself keeps about one core busy.
console.log(`\n${load("at end", 1.5)}`);
console.log(
  missed.length === 0 ? "\nAll targets met." : `\nMISSED:\n${missed.map((x) => `  - ${x}`).join("\n")}`,
);
