import type { PanelStatus } from "@smart-charge/contracts";
import {
  disposeOwnService,
  startOwnMosquitto,
  startOwnRedis,
  uniqueId,
  type OwnService,
} from "@smart-charge/test-infra";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../config/load-config.js";
import type { PanelEngineConfig } from "../config/config-schema.js";
import { BridgeSimulator } from "./bridge-simulator.js";
import { ChargerObserver } from "./charger-observer.js";
import { statusOf } from "./contract-messages.js";
import { EngineProcess } from "./engine-process.js";

export const BUDGET_KW = 40;
export const CHARGERS = ["CP-1", "CP-2", "CP-3", "CP-4", "CP-5", "CP-6"];

/**
 * A panel with an active and a standby engine (separate processes), our own Redis and Mosquitto, and a
 * bridge whose chargers are modelled by a ChargerObserver. Everything is torn down by close().
 */
export class ChaosSite {
  readonly engines = new Map<string, EngineProcess>();
  /** Every engine process started, killed ones included, for their logs. */
  private readonly launched: [string, EngineProcess][] = [];
  private sequence = 0;

  private constructor(
    readonly redis: OwnService,
    readonly broker: OwnService,
    readonly config: PanelEngineConfig,
    readonly bridge: BridgeSimulator,
    readonly observer: ChargerObserver,
  ) {}

  static async start(timing: Partial<PanelEngineConfig["timing"]> = {}): Promise<ChaosSite> {
    const [redis, broker] = await Promise.all([startOwnRedis(), startOwnMosquitto()]);
    const config = parseConfig({
      site: uniqueId("chaos"),
      panel: "panel-a",
      chargers: CHARGERS.map((id) => ({ id, phases: 3, maxHardwarePowerKw: 22 })),
      breaker: { kw: 60 },
      safeDefaultBudget: { kw: 12 },
      // A car on an idle charger draws its fail-safe before the engine hears of it: keep room for it.
      failSafe: { reserveForIdleChargers: true },
      minDwellMs: 0,
      redis: { url: redis.url },
      mqtt: { url: broker.url },
      http: { host: "127.0.0.1", port: 0 },
      timing: { recomputeIntervalMs: 1_000, profileTtlS: 30, raiseHoldMs: 2_000, ...timing },
    });
    const bridge = await BridgeSimulator.start(broker.url, config.site, {
      clientId: uniqueId("bridge"),
      clean: false,
      reconnectPeriod: 100,
    });
    const observer = new ChargerObserver(BUDGET_KW * 1000);
    bridge.observer = observer;
    return new ChaosSite(redis, broker, config, bridge, observer);
  }

  async launch(instanceId: string): Promise<EngineProcess> {
    const engine = EngineProcess.start({ ...this.config, instanceId }, { LOG_LEVEL: "info" });
    this.engines.set(instanceId, engine);
    this.launched.push([instanceId, engine]);
    await engine.waitForLog("started");
    return engine;
  }

  /** The engine that holds the lease by its own log: its last lease event is an acquisition. */
  leader(): [string, EngineProcess] | undefined {
    for (const [id, engine] of this.engines) {
      const lease = engine.logs.filter((l) => l["event"] === "lease-acquired" || l["event"] === "lease-lost");
      if (engine.child.exitCode === null && lease.at(-1)?.["event"] === "lease-acquired") return [id, engine];
    }
    return undefined;
  }

  /** Starts these sessions, as the chargers' bridge reports them, and records them in the observer. */
  async startSessions(
    sessions: readonly (readonly [chargerId: string, transactionId: string])[],
  ): Promise<void> {
    for (const [chargerId, transactionId] of sessions) {
      this.observer.sessionStarted(chargerId, transactionId, Date.now());
      await this.bridge.started(chargerId, transactionId, { maxHardwarePowerKw: 22 });
    }
  }

  /** Both engines, the budget, and a session on CP-1, CP-2 and CP-3, all in the status. */
  async withThreeSessions(): Promise<[EngineProcess, EngineProcess]> {
    const engines: [EngineProcess, EngineProcess] = [
      await this.launch("engine-a"),
      await this.launch("engine-b"),
    ];
    await this.budget();
    await this.startSessions([
      ["CP-1", "tx-1"],
      ["CP-2", "tx-2"],
      ["CP-3", "tx-3"],
    ]);
    await this.settled();
    return engines;
  }

  async budget(totalKw = BUDGET_KW): Promise<void> {
    this.sequence += 1;
    this.observer.setBudget(totalKw * 1000);
    await this.bridge.budget(this.config.panel, totalKw, this.sequence);
  }

  /** Waits for a status that lists exactly the sessions the chargers have. */
  async settled(timeoutMs = 15_000): Promise<PanelStatus> {
    const expected = [...this.observer.sessions.values()].sort().join(",");
    const last = () => {
      const status = this.bridge.statuses.messages.at(-1);
      return status === undefined
        ? "none"
        : statusOf(status)
            .sessions.map((s) => s.transactionId)
            .sort()
            .join(",");
    };
    const match = await this.bridge.statuses
      .waitFor(
        (m) =>
          statusOf(m)
            .sessions.map((s) => s.transactionId)
            .sort()
            .join(",") === expected && statusOf(m).leader !== null,
        { timeoutMs, description: `a status listing exactly ${expected}` },
      )
      .catch((error: unknown) => {
        throw new Error(`the last status lists ${last()}, the chargers have ${expected}`, { cause: error });
      });
    return statusOf(match);
  }

  async close(): Promise<void> {
    // Every engine's log lines are kept (CHAOS_LOG_DIR, else the temp folder), to see what happened.
    const dir = process.env["CHAOS_LOG_DIR"] ?? tmpdir();
    {
      for (const [id, engine] of this.launched)
        writeFileSync(
          join(dir, `${this.config.site}-${id}-${engine.child.pid}.jsonl`),
          engine.logs.map((l) => JSON.stringify(l)).join("\n"),
        );
    }
    for (const engine of this.engines.values()) {
      if (engine.child.exitCode === null && engine.child.signalCode === null) {
        engine.child.kill("SIGKILL");
        await engine.exited;
      }
    }
    await this.bridge.close([this.config.panel]).catch(() => undefined);
    await Promise.all([disposeOwnService(this.redis), disposeOwnService(this.broker)]);
  }
}
