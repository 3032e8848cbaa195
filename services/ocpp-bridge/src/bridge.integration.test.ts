import { describe, expect, onTestFinished, test } from "vitest";
import { bootChargePoint, bridgeTestBed, startBridge } from "./test-support/e2e-bridge-harness.js";
import { eventOf as event } from "./test-support/e2e-engine-side.js";

describe.each(["mosquitto", "aedes"] as const)("ocpp-bridge over %s", (brokerKind) => {
  const { site: bridgeSite } = bridgeTestBed(brokerKind);

  /** A running bridge, and the session events it publishes as a panel-engine receives them. */
  async function site() {
    const { config, bridge, engine } = await bridgeSite();
    return { config, bridge, events: engine.events };
  }

  test("boot installs the fail-safe TxDefaultProfile on connector 0 (1.6) and EVSE 0 (2.0.1)", async () => {
    const { bridge } = await site();
    for (const [id, version] of [
      ["CP-1", "1.6"],
      ["CP-2", "2.0.1"],
    ] as const) {
      const cp = await bootChargePoint(bridge, id, version);
      const failSafe = await cp.waitForProfile((p) => p.purpose === "TxDefaultProfile");
      expect(failSafe.connectorId, version).toBe(0);
      expect(failSafe.limitW, version).toBe(Math.round(6 * 230 * 3)); // 4.14 kW on three phases: 6 A
    }
  });

  test.each(["1.6", "2.0.1"] as const)(
    "an OCPP %s session becomes started, meter-values and stopped",
    async (version) => {
      const { bridge, events } = await site();
      const cp = await bootChargePoint(bridge, "CP-3", version);
      const transactionId = await cp.startTransaction(1);
      const started = event(await events.waitFor((m) => event(m).type === "started"));
      expect(started).toMatchObject({
        chargerId: "CP-3",
        transactionId,
        connectorId: 1,
        ocppVersion: version,
        phases: 1,
        panelPhases: ["L2"],
        maxHardwarePowerKw: 7.4,
      });
      await cp.meterValues(transactionId, 7_200);
      const meter = event(await events.waitFor((m) => event(m).type === "meter-values"));
      expect(meter).toMatchObject({ transactionId, connectorId: 1, powerKw: 7.2 });
      await cp.stopTransaction(transactionId);
      const stopped = event(await events.waitFor((m) => event(m).type === "stopped"));
      expect(stopped).toMatchObject({ transactionId, connectorId: 1, reason: "Local" });
    },
  );

  test("1.6 transaction ids are unique, also across a bridge restart", async () => {
    const { config, bridge } = await site();
    const first = await bootChargePoint(bridge, "CP-1", "1.6");
    const ids = [await first.startTransaction(1), await first.startTransaction(2)];
    await bridge.stop();
    const again = await startBridge(config);
    onTestFinished(() => again.stop());
    const second = await bootChargePoint(again, "CP-2", "1.6");
    ids.push(await second.startTransaction(1));
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
  });
});
