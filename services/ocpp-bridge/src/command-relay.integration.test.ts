import { topics } from "@smart-charge/contracts";
import { describe, expect, test } from "vitest";
import { bootChargePoint, bridgeTestBed } from "./test-support/e2e-bridge-harness.js";
import { profile16, reportOf, resultOf } from "./test-support/e2e-engine-side.js";
import { SimulatedChargePoint } from "./test-support/simulated-charge-point.js";

describe.each(["mosquitto", "aedes"] as const)(
  "profile commands through the bridge over %s",
  (brokerKind) => {
    const { site } = bridgeTestBed(brokerKind);

    const txProfiles = (cp: SimulatedChargePoint) => cp.received.filter((p) => p.purpose === "TxProfile");

    test("a command reaches the charger and its answer comes back under the command's messageId", async () => {
      const { bridge, engine } = await site();
      const cp = await bootChargePoint(bridge, "CP-1", "1.6");
      const messageId = await engine.command("CP-1", 3);
      expect(await engine.resultFor(messageId)).toMatchObject({ chargerId: "CP-1", status: "Accepted" });
      expect(txProfiles(cp).map((p) => p.limitW)).toEqual([16 * 230 * 3]);
    });

    test("a charger that rejects profiles is reported Rejected; NotSupported passes through", async () => {
      const { bridge, engine } = await site();
      const cp = await bootChargePoint(bridge, "CP-1", "1.6");
      cp.profileAnswer = "Rejected";
      expect(await engine.resultFor(await engine.command("CP-1", 1))).toMatchObject({
        status: "Rejected",
        reason: "Rejected",
      });
      cp.profileAnswer = "NotSupported";
      expect((await engine.resultFor(await engine.command("CP-1", 1))).status).toBe("NotSupported");
    });

    test("fencing: a command with an epoch below the highest seen is not relayed and is reported", async () => {
      const { bridge, engine } = await site();
      const cp = await bootChargePoint(bridge, "CP-1", "1.6");
      expect(
        (await engine.resultFor(await engine.command("CP-1", 7, { payload: profile16(10) }))).status,
      ).toBe("Accepted");
      const stale = await engine.command("CP-1", 6, { payload: profile16(32) });
      expect(await engine.resultFor(stale)).toMatchObject({ status: "Rejected", reason: "fenced" });
      const report = await engine.errors.waitFor((m) => reportOf(m).code === "fenced");
      expect(reportOf(report).error).toMatchObject({ field: "epoch" });
      expect(reportOf(report).error.message).toContain(stale);
      // The same epoch is admitted again: one engine sends many commands per epoch.
      expect(
        (await engine.resultFor(await engine.command("CP-1", 7, { payload: profile16(12) }))).status,
      ).toBe("Accepted");
      expect(txProfiles(cp).map((p) => p.limitW)).toEqual([10 * 690, 12 * 690]);
      const metrics = await (await fetch(`http://127.0.0.1:${bridge.httpPort}/metrics`)).text();
      expect(metrics).toContain('sce_bridge_commands_dropped_total{reason="fenced"} 1');
    });

    test("an expired command is not relayed", async () => {
      const { bridge, engine } = await site();
      const cp = await bootChargePoint(bridge, "CP-1", "1.6");
      const past = Date.now() - 120_000;
      const expired = await engine.command("CP-1", 1, {
        issuedAt: new Date(past).toISOString(),
        expiresAt: new Date(past + 60_000).toISOString(),
      });
      expect(await engine.resultFor(expired)).toMatchObject({ status: "Rejected", reason: "expired" });
      expect((await engine.resultFor(await engine.command("CP-1", 1))).status).toBe("Accepted");
      expect(txProfiles(cp)).toHaveLength(1);
    });

    test("offline, silent and wrong-version chargers get offline, timeout and NotSupported", async () => {
      const { bridge, engine } = await site({
        ocpp: { host: "127.0.0.1", port: 0, callTimeoutMs: 300 },
      });
      expect(await engine.resultFor(await engine.command("CP-2", 1))).toMatchObject({ reason: "offline" });
      const silent = await bootChargePoint(bridge, "CP-1", "1.6");
      await silent.waitForProfile((p) => p.purpose === "TxDefaultProfile");
      silent.profileAnswer = "silent";
      expect(await engine.resultFor(await engine.command("CP-1", 1))).toMatchObject({
        status: "Rejected",
        reason: "timeout",
      });
      await bootChargePoint(bridge, "CP-3", "2.0.1");
      expect(await engine.resultFor(await engine.command("CP-3", 1))).toMatchObject({
        status: "NotSupported",
        reason: "charger speaks OCPP 2.0.1",
      });
    });

    test("a malformed command is reported with its field and changes nothing", async () => {
      const { config, engine } = await site();
      await engine.raw(topics.profileCommand(config.site, "CP-1"), "{not json");
      await engine.raw(
        topics.profileCommand(config.site, "CP-1"),
        JSON.stringify({ messageId: "m-1", site: config.site, chargerId: "CP-2" }),
      );
      const reports = await engine.errors.waitForCount(2, (m) => reportOf(m).code === "invalid-message");
      expect(reports.map((m) => reportOf(m).error.field)).toEqual(["(json)", "panel"]);
      // A valid command afterwards gets its result, and is the only command that got one.
      const valid = await engine.command("CP-1", 1);
      await engine.resultFor(valid);
      expect(engine.results.messages.map((m) => resultOf(m).messageId)).toEqual([valid]);
    });

    test("unknown identities and wrong passwords are refused at the handshake and reported", async () => {
      const { bridge, engine } = await site();
      const url = `ws://127.0.0.1:${bridge.port}`;
      await expect(
        SimulatedChargePoint.connect({ url, identity: "CP-99", version: "1.6" }),
      ).rejects.toThrow();
      await expect(
        SimulatedChargePoint.connect({ url, identity: "CP-4", version: "1.6", password: "guess" }),
      ).rejects.toThrow();
      const reports = await engine.errors.waitForCount(2);
      expect(reports.map((m) => [reportOf(m).code, reportOf(m).error.field])).toEqual([
        ["unknown-charger", "identity"],
        ["unauthorized", "password"],
      ]);
      await bootChargePoint(bridge, "CP-4", "2.0.1", "s3cret-4");
      const base = `http://127.0.0.1:${bridge.httpPort}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain("sce_bridge_connected_chargers 1");
      expect(metrics).toContain('sce_bridge_connections_refused_total{reason="unknown-charger"} 1');
      // Neither the refused guess nor the real password shows in reports or metrics.
      expect(JSON.stringify(reports.map((m) => m.json()))).not.toContain("guess");
      expect(metrics).not.toContain("s3cret-4");
    });
  },
);
