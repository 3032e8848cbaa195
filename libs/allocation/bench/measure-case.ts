/**
 * Times one engine on one case: `measure-case.ts <ours|seed> <scenario> <count> <algorithm>` prints
 * `{ medianMs, runs }` as JSON. optimize.bench.ts runs it in a fresh Node process per engine and case,
 * so no JIT feedback, heap growth or GC debt carries over from one measurement to the next.
 */
import { argv } from "node:process";
import type { Strategy } from "@smart-charge/allocation";
import { ENGINE_KINDS, optimizerFor } from "./engines.js";
import { measure, type Timing } from "./harness.js";
import { gridLimitKw, makeSessions, SCENARIOS } from "./sessions.js";

const [kind, scenario, count, algorithm] = argv.slice(2);
const engine = ENGINE_KINDS.find((k) => k === kind);
const known = SCENARIOS.find((s) => s === scenario);
if (engine === undefined || known === undefined || !(algorithm === "EQUAL_SHARE" || algorithm === "PRIORITY"))
  throw new Error(`usage: measure-case.ts <ours|seed> <scenario> <count> <EQUAL_SHARE|PRIORITY>`);
const sessions = makeSessions(known, Number(count));
const optimize = optimizerFor(engine, sessions, gridLimitKw(sessions), algorithm satisfies Strategy);
console.log(JSON.stringify(measure(optimize) satisfies Timing));
