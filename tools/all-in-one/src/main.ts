#!/usr/bin/env node
/**
 * `npm start` at the repository root: the whole product on this machine, with a live view of the site.
 *
 *   --minutes N       stop by itself after N minutes (default: run until Ctrl-C)
 *   --site-config F   another site file (default: site.json beside this package)
 *   --mqtt-port P     port of the embedded broker (default SCE_MQTT_PORT, else a free port)
 *   --seed S          replay the same car traffic (default: random)
 * REDIS_URL set: every state store uses that Redis; unset: state is kept in memory (and lost on exit).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLogger } from "@smart-charge/service-kit";
import { loadSiteConfigFile } from "@smart-charge/site-config";
import { pino } from "pino";
import { LiveView, RecentCars } from "./live-view.js";
import { startAllInOne } from "./start-all-in-one.js";

const { values } = parseArgs({
  options: {
    minutes: { type: "string" },
    "site-config": { type: "string" },
    "mqtt-port": { type: "string" },
    seed: { type: "string" },
  },
});

const defaultSite = fileURLToPath(new URL("../site.json", import.meta.url));
const logPath = join(tmpdir(), `sce-all-in-one-${process.pid}.log`);
const logger = createLogger("all-in-one", process.env["LOG_LEVEL"] ?? "info", pino.destination(logPath));

function numberOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number ≥ 0, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const site = loadSiteConfigFile(values["site-config"] ?? defaultSite, {});
  const redisUrl = process.env["REDIS_URL"] || undefined;
  const mqttPort = numberOption("mqtt-port", values["mqtt-port"] ?? process.env["SCE_MQTT_PORT"], 0);
  const seed = numberOption("seed", values.seed, Math.floor(Math.random() * 1_000_000));
  const minutes = values.minutes === undefined ? undefined : numberOption("minutes", values.minutes, 0);

  const recent = new RecentCars();
  const running = await startAllInOne({
    site,
    mqttPort,
    redisUrl,
    logger,
    seed,
    tickMs: 1_000,
    arrivalChance: 0.08,
    stayMs: [45_000, 180_000],
    minDwellMs: 20_000,
    onSessionEvent: (event) => recent.add(event),
  });
  const state =
    running.storeKind === "redis"
      ? `state in Redis (${redisUrl ?? ""})`
      : "state in memory: set REDIS_URL to keep it in Redis";
  const view = await LiveView.start({
    mqttUrl: running.mqttUrl,
    recent,
    site: site.site,
    out: process.stdout,
    header: [
      `Smart Charge Engine — all-in-one site "${site.site}", grid ${site.grid.kw} kW, margin ${site.safetyMarginPct} %`,
      `broker ${running.mqttUrl} (embedded aedes) · site-master + ${running.panels.length} panel-engines · ${state}`,
      `simulated chargers, traffic seed ${seed} · logs ${logPath} · Ctrl-C stops`,
    ],
  });

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    await view.stop();
    await running.stop();
    logger.info({ event: "stopped", why }, "all-in-one stopped");
    process.stdout.write(`\nStopped cleanly (${why}). Logs: ${logPath}\n`);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("Ctrl-C"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  if (minutes !== undefined) setTimeout(() => void stop(`${minutes} min elapsed`), minutes * 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`all-in-one: ${error instanceof Error ? error.message : String(error)}\n`);
  logger.fatal({ event: "start-failed", err: error }, "all-in-one could not start");
  process.exit(1);
});
