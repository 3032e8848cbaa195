import { describe, expect, test } from "vitest";
import { parseConfig } from "../config/load-config.js";
import type { CallContext } from "./call-context.js";
import { answerOcpp16 } from "./ocpp16-calls.js";
import { SessionRegistry } from "./session-registry.js";

const config = parseConfig({
  site: "depot",
  chargers: [{ id: "CP-7", phases: 1, panelPhases: ["L3"], maxHardwarePowerKw: 7.4, priority: 2 }],
  failSafe: { limitKw: 4 },
  mqtt: { url: "mqtt://127.0.0.1:1" },
});
const now = Date.UTC(2025, 2, 14, 9, 30);

function context(sessions = new SessionRegistry(), id = 1187): CallContext {
  const charger = config.chargers[0];
  if (charger === undefined) throw new Error("charger expected");
  return { charger, sessions, now, heartbeatIntervalS: 300, voltageV: 230, nextTransactionId: () => id };
}

describe("OCPP 1.6 calls", () => {
  test("BootNotification is accepted with the heartbeat interval and marks the boot", () => {
    expect(answerOcpp16("BootNotification", {}, context())).toEqual({
      response: { status: "Accepted", currentTime: "2025-03-14T09:30:00.000Z", interval: 300 },
      events: [],
      booted: true,
    });
  });

  test("StartTransaction gets the bridge's id and becomes `started` with the charger's facts", () => {
    const outcome = answerOcpp16("StartTransaction", { connectorId: 2, idTag: "T" }, context());
    expect(outcome?.response).toEqual({ idTagInfo: { status: "Accepted" }, transactionId: 1187 });
    expect(outcome?.events).toEqual([
      {
        type: "started",
        chargerId: "CP-7",
        transactionId: "1187",
        connectorId: 2,
        ocppVersion: "1.6",
        at: "2025-03-14T09:30:00.000Z",
        phases: 1,
        panelPhases: ["L3"],
        maxHardwarePowerKw: 7.4,
        priority: 2,
      },
    ]);
  });

  test("StopTransaction names the connector the transaction ran on", () => {
    const sessions = new SessionRegistry();
    answerOcpp16("StartTransaction", { connectorId: 2, idTag: "T" }, context(sessions));
    const outcome = answerOcpp16(
      "StopTransaction",
      { transactionId: 1187, reason: "EVDisconnected" },
      context(sessions),
    );
    expect(outcome?.events).toMatchObject([
      { type: "stopped", transactionId: "1187", connectorId: 2, reason: "EVDisconnected" },
    ]);
    expect(sessions.count()).toBe(0);
  });

  test("MeterValues without a transaction id belong to the connector's transaction; the charger's L1 is panel L3", () => {
    const sessions = new SessionRegistry();
    answerOcpp16("StartTransaction", { connectorId: 1, idTag: "T" }, context(sessions));
    const outcome = answerOcpp16(
      "MeterValues",
      {
        connectorId: 1,
        meterValue: [
          {
            timestamp: "2025-03-14T09:29:00Z",
            sampledValue: [
              { value: "7.1", measurand: "Power.Active.Import", unit: "kW" },
              { value: "30.9", measurand: "Current.Import", phase: "L1" },
              { value: "12500" },
              { value: "55", measurand: "SoC" },
            ],
          },
        ],
      },
      context(sessions),
    );
    expect(outcome?.events).toMatchObject([
      {
        type: "meter-values",
        transactionId: "1187",
        powerKw: 7.1,
        phaseAmps: { L3: 30.9 },
        energyKwh: 12.5,
        socPercent: 55,
      },
    ]);
  });

  test("meter values of no known transaction, and without power, cause no event", () => {
    const reading = { timestamp: "2025-03-14T09:29:00Z", sampledValue: [{ value: "1000" }] };
    expect(answerOcpp16("MeterValues", { connectorId: 1, meterValue: [reading] }, context())?.events).toEqual(
      [],
    );
    expect(
      answerOcpp16("MeterValues", { connectorId: 1, transactionId: 5, meterValue: [reading] }, context())
        ?.events,
    ).toEqual([]);
  });

  test("minimal answers keep a charger happy; unknown actions are not implemented", () => {
    expect(answerOcpp16("Heartbeat", {}, context())?.response).toEqual({
      currentTime: "2025-03-14T09:30:00.000Z",
    });
    expect(answerOcpp16("Authorize", { idTag: "T" }, context())?.response).toEqual({
      idTagInfo: { status: "Accepted" },
    });
    expect(answerOcpp16("StatusNotification", {}, context())?.response).toEqual({});
    expect(answerOcpp16("DataTransfer", { vendorId: "x" }, context())?.response).toEqual({
      status: "UnknownVendorId",
    });
    expect(answerOcpp16("Reset", {}, context())).toBeUndefined();
  });
});
