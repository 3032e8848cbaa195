import { describe, expect, test, vi } from "vitest";
import {
  DuplicateSessionError,
  SessionNotFoundError,
  SmartChargingConfigError,
  SmartChargingEngine,
  Strategies,
  StrategyError,
  type DispatchPayload,
  type GridOverCommitInfo,
} from "../index.js";

function engineWith(overrides: Partial<ConstructorParameters<typeof SmartChargingEngine>[0]> = {}) {
  const sent: DispatchPayload[] = [];
  const engine = new SmartChargingEngine({
    siteId: "SITE-HQ-001",
    maxGridPowerKw: 100,
    safetyMarginPct: 5,
    algorithm: Strategies.EQUAL_SHARE,
    dispatcher: async (payload) => {
      sent.push(payload);
    },
    clock: () => 1_750_000_000_000,
    ...overrides,
  });
  return { engine, sent };
}

describe("SmartChargingEngine: the seed's API", () => {
  test("quick start: three cars share 95 kW and each charger receives its limit", async () => {
    const { engine, sent } = engineWith();
    for (const id of [1, 2, 3])
      engine.addSession({
        transactionId: id,
        clientId: `CP-00${id}`,
        maxHardwarePowerKw: 50,
        minChargeRateKw: 1.4,
      });
    const profiles = await engine.dispatch();
    expect(profiles.map((p) => p.allocatedW)).toEqual([31666, 31666, 31666]);
    expect(sent.map((s) => [s.clientId, s.connectorId, s.sessionProfile.allocatedKw])).toEqual([
      ["CP-001", 1, 31.666],
      ["CP-002", 1, 31.666],
      ["CP-003", 1, 31.666],
    ]);
  });

  test("sessions: duplicate, not found, safe removal, snapshot round trip", () => {
    const { engine } = engineWith();
    engine.addSession({ transactionId: "tx-1", clientId: "CP-1" });
    expect(() => engine.addSession({ transactionId: "tx-1", clientId: "CP-1" })).toThrow(
      DuplicateSessionError,
    );
    expect(() => engine.removeSession("nope")).toThrow(SessionNotFoundError);
    expect(engine.safeRemoveSession("nope")).toBeUndefined();
    const snapshot = engine.getSnapshot();
    engine.removeSession("tx-1");
    expect(engine.isEmpty()).toBe(true);
    engine.loadSnapshot(snapshot);
    expect(engine.sessionCount).toBe(1);
    expect(engine.getSession("tx-1")?.addedAt).toBe(1_750_000_000_000);
  });

  test("updateSession: an explicit undefined cap removes the cap; identity cannot change", () => {
    const { engine } = engineWith();
    engine.addSession({ transactionId: 7, clientId: "CP-7", maxHardwarePowerKw: 11 });
    const updated = engine.updateSession(7, { maxHardwarePowerKw: undefined, priority: 3 });
    expect(updated.maxHardwarePowerKw).toBeUndefined();
    expect(updated.priority).toBe(3);
    expect(updated.clientId).toBe("CP-7");
  });

  test("bad input names the field and changes nothing", () => {
    const { engine } = engineWith();
    const cases: [() => unknown, string][] = [
      [() => engine.addSession({ transactionId: 1, clientId: "" }), "clientId"],
      [
        () => engine.addSession({ transactionId: 1, clientId: "CP", maxHardwarePowerKw: -1 }),
        "maxHardwarePowerKw",
      ],
      [
        () => engine.addSession({ transactionId: 1, clientId: "CP", minChargeRateKw: Number.NaN }),
        "minChargeRateKw",
      ],
      [() => engine.addSession({ transactionId: 1, clientId: "CP", phases: 4 as 3 }), "phases"],
      [
        () => engine.addSession({ transactionId: 1, clientId: "CP", phases: 1, panelPhases: ["L1", "L2"] }),
        "panelPhases",
      ],
      [() => engine.setGridLimit(Number.POSITIVE_INFINITY), "maxGridPowerKw"],
      [() => engine.setSafetyMargin(100), "safetyMarginPct"],
      [() => engine.setAlgorithm("FASTEST" as "PRIORITY"), "algorithm"],
      [
        () =>
          engine.setAlgorithm("TIME_OF_USE", {
            timeOfUseWindows: [{ peakStartHour: 17, peakEndHour: 21, peakPowerMultiplier: 0.5 }],
            timeOfUseTimezone: "Mars/Olympus",
          }),
        "timeOfUseTimezone",
      ],
      [
        () =>
          engine.setAlgorithm("TIME_OF_USE", {
            timeOfUseWindows: [{ peakStartHour: 25, peakEndHour: 21, peakPowerMultiplier: 0.5 }],
          }),
        "timeOfUseWindows[0].peakStartHour",
      ],
      [
        () =>
          engine.loadSnapshot([
            { transactionId: 2, clientId: "CP-2" },
            { transactionId: 3, clientId: "CP-3", priority: -1 },
          ]),
        "priority",
      ],
      [() => engine.startAutoDispatch(999), "intervalMs"],
    ];
    for (const [call, field] of cases) {
      expect(call).toThrow(SmartChargingConfigError);
      try {
        call();
      } catch (error) {
        expect((error as SmartChargingConfigError).field).toBe(field);
      }
    }
    expect(engine.isEmpty()).toBe(true);
    expect(engine.config.algorithm).toBe("EQUAL_SHARE");
    expect(engine.config.gridLimitKw).toBe(100);
  });

  test("one failing dispatcher emits dispatchError and the others still get their profile", async () => {
    const delivered: string[] = [];
    const { engine } = engineWith({
      dispatcher: async ({ clientId }) => {
        if (clientId === "CP-broken") throw new Error("NotSupported");
        delivered.push(clientId);
      },
    });
    const errors: string[] = [];
    engine.on("dispatchError", (e) => errors.push(e.clientId));
    engine.addSession({ transactionId: 1, clientId: "CP-broken" });
    engine.addSession({ transactionId: 2, clientId: "CP-ok" });
    await engine.dispatch();
    expect(errors).toEqual(["CP-broken"]);
    expect(delivered).toEqual(["CP-ok"]);
  });

  test("gridOverCommitted names the paused sessions when the minimums do not all fit", () => {
    const { engine } = engineWith({ maxGridPowerKw: 30, safetyMarginPct: 0 });
    for (let id = 1; id <= 10; id++)
      engine.addSession({ transactionId: id, clientId: `CP-${id}`, minChargeRateKw: 4.14 });
    const events: GridOverCommitInfo[] = [];
    engine.on("gridOverCommitted", (info) => events.push(info));
    const profiles = engine.optimize();
    expect(profiles.filter((p) => p.paused)).toHaveLength(3);
    expect(events[0]?.starvedSessions.map((s) => s.transactionId)).toEqual([8, 9, 10]);
  });

  test("a custom strategy that throws surfaces as StrategyError, and its unsafe output is bounded", () => {
    const { engine } = engineWith({ maxGridPowerKw: 10, safetyMarginPct: 0 });
    engine.addSession({ transactionId: 1, clientId: "CP-1" });
    engine.on("error", () => undefined);
    engine.setAlgorithm(() => {
      throw new Error("tariff service down");
    });
    expect(() => engine.optimize()).toThrow(StrategyError);
    const adjusted = vi.fn();
    engine.on("strategyAdjusted", adjusted);
    engine.setAlgorithm((sessions) => sessions.map((s) => ({ ...s, allocatedKw: 500 }) as never));
    expect(engine.optimize()[0]?.allocatedW).toBe(10_000);
    expect(adjusted).toHaveBeenCalledOnce();
  });
});
