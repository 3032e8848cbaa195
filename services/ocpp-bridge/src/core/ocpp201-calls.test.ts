import { describe, expect, test } from "vitest";
import { parseConfig } from "../config/load-config.js";
import type { CallContext } from "./call-context.js";
import { answerOcpp201 } from "./ocpp201-calls.js";
import { SessionRegistry } from "./session-registry.js";

const config = parseConfig({
  site: "depot",
  chargers: [{ id: "CS-2", phases: 3, maxHardwarePowerKw: 22 }],
  failSafe: { limitKw: 4 },
  mqtt: { url: "mqtt://127.0.0.1:1" },
});
const now = Date.UTC(2025, 2, 14, 9, 30);

function context(sessions: SessionRegistry): CallContext {
  const charger = config.chargers[0];
  if (charger === undefined) throw new Error("charger expected");
  const nextTransactionId = () => {
    throw new Error("a 2.0.1 station assigns its own transaction ids");
  };
  return { charger, sessions, now, heartbeatIntervalS: 300, voltageV: 230, nextTransactionId };
}

const txEvent = (eventType: string, extra: Record<string, unknown> = {}) => ({
  eventType,
  timestamp: "2025-03-14T09:29:00Z",
  triggerReason: "Authorized",
  seqNo: 0,
  transactionInfo: { transactionId: "tx-a" },
  ...extra,
});
const power = (watts: number) => [
  {
    timestamp: "2025-03-14T09:29:00Z",
    sampledValue: [{ value: watts, measurand: "Power.Active.Import", unitOfMeasure: { unit: "W" } }],
  },
];

describe("OCPP 2.0.1 calls", () => {
  test("a transaction's Started, Updated and Ended become started, meter-values and stopped", () => {
    const sessions = new SessionRegistry();
    const started = answerOcpp201(
      "TransactionEvent",
      txEvent("Started", { evse: { id: 2, connectorId: 1 } }),
      context(sessions),
    );
    expect(started?.events).toMatchObject([
      {
        type: "started",
        transactionId: "tx-a",
        connectorId: 2,
        ocppVersion: "2.0.1",
        phases: 3,
        panelPhases: ["L1", "L2", "L3"],
      },
    ]);
    const updated = answerOcpp201(
      "TransactionEvent",
      txEvent("Updated", { meterValue: power(11_000) }),
      context(sessions),
    );
    expect(updated?.events).toMatchObject([{ type: "meter-values", connectorId: 2, powerKw: 11 }]);
    const ended = answerOcpp201(
      "TransactionEvent",
      txEvent("Ended", { transactionInfo: { transactionId: "tx-a", stoppedReason: "EVDisconnected" } }),
      context(sessions),
    );
    expect(ended?.events).toMatchObject([{ type: "stopped", connectorId: 2, reason: "EVDisconnected" }]);
    expect(sessions.count()).toBe(0);
  });

  test("an Updated for a transaction the bridge lost in a restart is remembered, not started again", () => {
    const sessions = new SessionRegistry();
    const outcome = answerOcpp201(
      "TransactionEvent",
      txEvent("Updated", { evse: { id: 1 } }),
      context(sessions),
    );
    expect(outcome?.events).toEqual([]);
    expect(sessions.connectorOf("CS-2", "tx-a")).toBe(1);
  });

  test("MeterValues outside a transaction event go to the EVSE's transaction, with the unit multiplier", () => {
    const sessions = new SessionRegistry();
    sessions.start("CS-2", "tx-a", 1);
    const meterValue = [
      {
        timestamp: "2025-03-14T09:29:00Z",
        sampledValue: [
          { value: 7.4, measurand: "Power.Active.Import", unitOfMeasure: { unit: "W", multiplier: 3 } },
        ],
      },
    ];
    expect(answerOcpp201("MeterValues", { evseId: 1, meterValue }, context(sessions))?.events).toMatchObject([
      { type: "meter-values", transactionId: "tx-a", powerKw: 7.4 },
    ]);
    expect(answerOcpp201("MeterValues", { evseId: 2, meterValue }, context(sessions))?.events).toEqual([]);
  });

  test("charging needs of the EV become caps on its session", () => {
    const sessions = new SessionRegistry();
    sessions.start("CS-2", "tx-a", 1);
    const needs = {
      evseId: 1,
      chargingNeeds: {
        requestedEnergyTransfer: "AC_three_phase",
        acChargingParameters: { energyAmount: 20_000, evMinCurrent: 6, evMaxCurrent: 16, evMaxVoltage: 400 },
      },
    };
    const outcome = answerOcpp201("NotifyEVChargingNeeds", needs, context(sessions));
    expect(outcome?.response).toEqual({ status: "Accepted" });
    expect(outcome?.events).toMatchObject([
      { type: "updated", maxEvAcceptancePowerKw: 11.04, minChargeRateKw: 4.14 },
    ]);
  });

  test("minimal answers; unknown actions are not implemented", () => {
    const sessions = new SessionRegistry();
    expect(answerOcpp201("BootNotification", {}, context(sessions))).toMatchObject({
      booted: true,
      response: { status: "Accepted", interval: 300 },
    });
    expect(answerOcpp201("Authorize", {}, context(sessions))?.response).toEqual({
      idTokenInfo: { status: "Accepted" },
    });
    expect(answerOcpp201("NotifyReport", {}, context(sessions))?.response).toEqual({});
    expect(answerOcpp201("Get15118EVCertificate", {}, context(sessions))).toBeUndefined();
  });
});
