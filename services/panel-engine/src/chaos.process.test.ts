import { afterEach, describe, expect, test } from "vitest";
import { asChargerSees, isFailSafe } from "./test-support/bridge-simulator.js";
import { BUDGET_KW, ChaosSite } from "./test-support/chaos-site.js";
import { commandOf, statusOf } from "./test-support/contract-messages.js";
import { SessionStream } from "./test-support/session-stream.js";

const KILLS = Number(process.env["CHAOS_KILLS"] ?? 20);

/**
 * Faults against real processes: two panel-engines (active and standby), our own Redis and Mosquitto,
 * chargers modelled by the ChargerObserver (fencing and expiry as the contract tells bridges). The
 * observer records any moment the limits in force sum above the budget, and any command of an older
 * leader accepted after a newer leader's.
 */
describe("failover under faults", () => {
  let site: ChaosSite | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  test(`${KILLS} kill -9 of the leader while sessions flow, then a Mosquitto restart, then a Redis restart`, async () => {
    site = await ChaosSite.start();
    const { bridge, observer } = site;
    await site.launch("engine-a");
    await site.launch("engine-b");
    await site.budget();
    const stream = new SessionStream(site);
    const resumeMs: number[] = [];
    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        const leader = site.leader();
        if (leader === undefined) throw new Error(`no leader before kill ${kill}`);
        const [instanceId, engine] = leader;
        const epochBefore = Math.max(
          observer.highestEpoch,
          ...engine.logs.map((l) => Number(l["epoch"] ?? 0)),
        );
        const killedAt = Date.now();
        engine.child.kill("SIGKILL");
        await engine.exited;
        const first = await bridge.commands.waitForNext(
          (m) => commandOf(m).epoch > epochBefore && !isFailSafe(commandOf(m)),
          { timeoutMs: 10_000, description: `a profile from the new leader after kill ${kill}` },
        );
        resumeMs.push(Date.now() - killedAt);
        expect(commandOf(first).epoch).toBeGreaterThan(epochBefore);
        await site.launch(instanceId); // back as the standby, on its persistent MQTT session
      }
      await site.broker.restart();
      await bridge.statuses.waitForNext((m) => statusOf(m).leader !== null, {
        timeoutMs: 15_000,
        description: "a status after the broker restart",
      });
      await site.redis.restart("SIGKILL");
      await bridge.commands.waitForNext(() => true, {
        timeoutMs: 15_000,
        description: "commands after Redis came back",
      });
    } finally {
      await stream.stop();
    }
    const final = await site.settled(20_000);
    expect(final.allocatedKw).toBeLessThanOrEqual(BUDGET_KW);
    expect(observer.violations).toEqual([]);
    expect(observer.peakW).toBeLessThanOrEqual(BUDGET_KW * 1000);
    expect(stream.sent).toBeGreaterThan(100);
    expect(resumeMs).toHaveLength(KILLS);
    expect(Math.max(...resumeMs), `resume times ${resumeMs.join(", ")} ms`).toBeLessThan(2_000);
  }, 300_000);

  test("a leader paused past its lease (GC pause, partition) publishes nothing when it wakes up", async () => {
    site = await ChaosSite.start();
    const { bridge, observer } = site;
    const a = await site.launch("engine-a");
    await site.launch("engine-b");
    await site.budget();
    const stream = new SessionStream(site);
    let wokeAt = Number.POSITIVE_INFINITY;
    try {
      await bridge.statuses.waitFor((m) => statusOf(m).leader?.instanceId === "engine-a", {
        timeoutMs: 10_000,
        description: "engine-a leading",
      });
      const pausedEpoch = observer.highestEpoch;
      a.child.kill("SIGSTOP");
      await bridge.commands.waitForNext((m) => commandOf(m).epoch > pausedEpoch, {
        timeoutMs: 10_000,
        description: "the standby's first command",
      });
      wokeAt = Date.now();
      a.child.kill("SIGCONT");
      await a.waitForLog("lease-lost");
      // What the paused engine does next happens on its event loop; one status round trip later it is done.
      await bridge.statuses.waitForNext((m) => statusOf(m).leader?.instanceId === "engine-b", {
        timeoutMs: 10_000,
      });
    } finally {
      await stream.stop();
    }
    await site.settled();
    expect(observer.violations).toEqual([]);
    // Awake again, the deposed leader sends nothing: its lease clock ran out while it slept.
    expect(a.logs.filter((l) => l["event"] === "profile-sent" && Number(l["time"]) >= wokeAt)).toEqual([]);
  }, 120_000);

  test("with every engine of the panel dead, each charger falls back to its fail-safe within the expiry", async () => {
    site = await ChaosSite.start();
    const { observer } = site;
    const [a, b] = await site.withThreeSessions();
    for (const chargerId of ["CP-1", "CP-2", "CP-3"])
      await site.bridge.commands.waitFor(
        (m) =>
          commandOf(m).chargerId === chargerId &&
          commandOf(m).action === "SetChargingProfile" &&
          !isFailSafe(commandOf(m)),
        { description: `${chargerId}'s TxProfile` },
      );
    for (const engine of [a, b]) {
      engine.child.kill("SIGKILL");
      await engine.exited;
    }
    const now = Date.now();
    const afterExpiry = now + site.config.timing.profileTtlS * 1000 + 1;
    const failSafeW = (site.config.safeDefaultBudget.kw * 1000) / site.config.chargers.length;
    expect(observer.sessions.size).toBeGreaterThanOrEqual(2);
    for (const chargerId of observer.sessions.keys()) {
      expect(observer.inForceW(chargerId, now), chargerId).toBeGreaterThan(failSafeW);
      expect(observer.inForceW(chargerId, afterExpiry), chargerId).toBe(asChargerSees(failSafeW));
    }
    expect(observer.totalW(afterExpiry)).toBeLessThanOrEqual(site.config.safeDefaultBudget.kw * 1000);
  }, 120_000);
});
