import {
  decodeMessage,
  MESSAGE_SCHEMAS,
  subscriptions,
  topicPattern,
  type PanelStatus,
} from "@smart-charge/contracts";
import {
  recordMessages,
  redisForTests,
  type RecordedMessage,
  type TestRedis,
} from "@smart-charge/test-infra";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { bootChargePoint, bridgeTestBed } from "./test-support/e2e-bridge-harness.js";
import { type EngineSide, profile16, reportOf, resultOf } from "./test-support/e2e-engine-side.js";
import { publishBudget, startPanelEngine, watchPeakW, type PanelCharger } from "./test-support/e2e-panels.js";
import type { ReceivedProfile } from "./test-support/received-profile.js";

const txProfile =
  (atMostW = Infinity, atLeastW = 1) =>
  (p: ReceivedProfile) =>
    p.purpose === "TxProfile" &&
    p.action === "SetChargingProfile" &&
    p.limitW <= atMostW &&
    p.limitW >= atLeastW;
const cleared = (p: ReceivedProfile) => p.action === "ClearChargingProfile" && p.purpose === "TxProfile";
const status = (m: RecordedMessage) => m.json() as PanelStatus;

describe.each(["mosquitto", "aedes"] as const)(
  "bridge and real panel-engines over %s and Redis",
  (brokerKind) => {
    const bed = bridgeTestBed(brokerKind);
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await redisForTests();
    });
    afterAll(async () => {
      await redis.stop();
    });

    /** A bridge for CP-1..CP-3 (panel-a) and CP-5, CP-6 (panel-b), and a recorder on the engines' side. */
    async function site() {
      const {
        config,
        bridge,
        engine: engineSide,
      } = await bed.site({
        chargers: [
          { id: "CP-1", phases: 3, maxHardwarePowerKw: 22 },
          { id: "CP-2", phases: 3, maxHardwarePowerKw: 22 },
          { id: "CP-3", phases: 1, panelPhases: ["L2"], maxHardwarePowerKw: 7.4 },
          { id: "CP-5", phases: 3, maxHardwarePowerKw: 22 },
          { id: "CP-6", phases: 3, maxHardwarePowerKw: 22 },
        ],
      });
      return { site: config.site, bridge, engineSide };
    }

    async function panel(
      site: string,
      engineSide: EngineSide,
      name: string,
      budgetKw: number,
      chargers: PanelCharger[],
    ) {
      onTestFinished(await publishBudget(engineSide.client, site, name, budgetKw));
      const running = await startPanelEngine({
        mqttUrl: bed.brokerUrl(),
        redisUrl: redis.url,
        site,
        panel: name,
        chargers,
      });
      onTestFinished(() => running.stop());
      return running.engine;
    }

    test("a car starts: its charger (1.6 or 2.0.1) gets a TxProfile within the panel's budget", async () => {
      const { site: id, bridge, engineSide } = await site();
      await panel(id, engineSide, "panel-a", 30, [
        { id: "CP-1", ocppVersion: "1.6" },
        { id: "CP-2", ocppVersion: "2.0.1" },
      ]);
      const cp1 = await bootChargePoint(bridge, "CP-1", "1.6");
      const cp2 = await bootChargePoint(bridge, "CP-2", "2.0.1");
      for (const cp of [cp1, cp2]) {
        const failSafe = await cp.waitForProfile((p) => p.purpose === "TxDefaultProfile");
        expect(failSafe.connectorId).toBe(0);
        expect(cp.received.indexOf(failSafe)).toBe(0); // before any TxProfile
      }
      const peak = watchPeakW([cp1, cp2]);

      await cp1.startTransaction(1);
      await cp1.waitForProfile(txProfile(22_000));
      await cp2.startTransaction(1);
      await cp2.waitForProfile(txProfile(15_000));
      await cp1.waitForProfile(txProfile(15_000), 15_000);
      expect(peak.peakW()).toBeLessThanOrEqual(30_000);
      expect(peak.nowW()).toBeGreaterThan(20_000);
    });

    test("cars come and go on two panels: the limits at the chargers never sum above either budget", async () => {
      const { site: id, bridge, engineSide } = await site();
      await panel(id, engineSide, "panel-a", 30, [
        { id: "CP-1", ocppVersion: "1.6" },
        { id: "CP-2", ocppVersion: "2.0.1" },
        { id: "CP-3", ocppVersion: "1.6" },
      ]);
      await panel(id, engineSide, "panel-b", 12, [
        { id: "CP-5", ocppVersion: "2.0.1" },
        { id: "CP-6", ocppVersion: "1.6" },
      ]);
      const [cp1, cp2, cp3, cp5, cp6] = await Promise.all(
        (
          [
            ["CP-1", "1.6"],
            ["CP-2", "2.0.1"],
            ["CP-3", "1.6"],
            ["CP-5", "2.0.1"],
            ["CP-6", "1.6"],
          ] as const
        ).map(([cp, version]) => bootChargePoint(bridge, cp, version)),
      );
      if (!cp1 || !cp2 || !cp3 || !cp5 || !cp6) throw new Error("five charge points expected");
      const panelA = watchPeakW([cp1, cp2, cp3]);
      const panelB = watchPeakW([cp5, cp6]);

      const tx1 = await cp1.startTransaction(1);
      const tx2 = await cp2.startTransaction(1);
      const tx5 = await cp5.startTransaction(1);
      await cp6.startTransaction(1);
      await cp6.waitForProfile(txProfile(6_000), 15_000);
      await cp2.waitForProfile(txProfile(15_000), 15_000);

      await cp1.stopTransaction(tx1);
      await cp1.waitForProfile(cleared);
      await cp3.startTransaction(1);
      await cp3.waitForProfile(txProfile(7_400), 15_000);
      await cp2.waitForProfile(txProfile(22_000, 20_000), 15_000);

      await cp5.stopTransaction(tx5);
      await cp6.waitForProfile(txProfile(12_000, 11_000), 15_000);
      await cp2.stopTransaction(tx2);
      await cp2.waitForProfile(cleared);

      expect(panelA.peakW()).toBeLessThanOrEqual(30_000);
      expect(panelB.peakW()).toBeLessThanOrEqual(12_000);
      expect(panelA.peakW()).toBeGreaterThan(25_000);
    });

    test("a charger that rejects profiles is reported and the others are unaffected", async () => {
      const { site: id, bridge, engineSide } = await site();
      const engine = await panel(id, engineSide, "panel-a", 30, [
        { id: "CP-1", ocppVersion: "1.6" },
        { id: "CP-2", ocppVersion: "1.6" },
        { id: "CP-3", ocppVersion: "2.0.1" },
      ]);
      const statuses = await recordMessages(engineSide.client, topicPattern("panelStatus", { site: id }));
      const [cp1, cp2, cp3] = [
        await bootChargePoint(bridge, "CP-1", "1.6"),
        await bootChargePoint(bridge, "CP-2", "1.6"),
        await bootChargePoint(bridge, "CP-3", "2.0.1"),
      ];
      cp2.profileAnswer = "Rejected";
      await cp1.startTransaction(1);
      await cp1.waitForProfile(txProfile(22_000));
      await cp2.startTransaction(1);
      await cp2.waitForProfile((p) => p.purpose === "TxProfile" && p.answer === "Rejected");
      const rejected = await engineSide.results.waitFor((m) => resultOf(m).status === "Rejected");
      expect(resultOf(rejected)).toMatchObject({ chargerId: "CP-2", reason: "Rejected" });
      const report = await engineSide.errors.waitFor((m) => reportOf(m).code === "command-refused");
      expect(reportOf(report).error.message).toContain("CP-2 answered Rejected");
      const metrics = await (await fetch(`http://127.0.0.1:${engine.httpPort}/metrics`)).text();
      expect(metrics).toMatch(/sce_panel_messages_rejected_total\{code="command-refused"\} [1-9]/);

      await cp3.startTransaction(1);
      await cp3.waitForProfile(txProfile(7_400), 15_000);
      await statuses.waitFor((m) => status(m).sessions.length === 3);
      expect(cp1.received.filter(txProfile()).every((p) => p.answer === "Accepted")).toBe(true);
    });

    test("fencing: a deposed engine's command (lower epoch) is not relayed; the live engine's are", async () => {
      const { site: id, bridge, engineSide } = await site();
      await panel(id, engineSide, "panel-a", 30, [
        { id: "CP-1", ocppVersion: "1.6" },
        { id: "CP-2", ocppVersion: "1.6" },
      ]);
      const commands = await recordMessages(engineSide.client, subscriptions.bridge(id)[0] ?? "");
      const cp1 = await bootChargePoint(bridge, "CP-1", "1.6");
      const cp2 = await bootChargePoint(bridge, "CP-2", "1.6");
      await cp1.startTransaction(1);
      await cp1.waitForProfile(txProfile(22_000));
      const live = decodeMessage(MESSAGE_SCHEMAS.profileCommand, (await commands.waitFor()).payload);
      if (!live.ok) throw new Error(live.error.message);
      expect(live.value.epoch).toBeGreaterThan(0);

      const stale = await engineSide.command("CP-1", live.value.epoch - 1, { payload: profile16(2) });
      expect(await engineSide.resultFor(stale)).toMatchObject({ status: "Rejected", reason: "fenced" });
      await cp2.startTransaction(1);
      await cp2.waitForProfile(txProfile(15_000));
      await cp1.waitForProfile(txProfile(15_000), 15_000);
      expect(cp1.received.some((p) => p.limitW === 2 * 690)).toBe(false);
    });
  },
);
