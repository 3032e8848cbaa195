import { exampleRegion } from "@smart-charge/test-infra";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

/** The README's example is this test's body, so the documentation cannot drift from the behaviour. */
test("README example: a charger connects, its session is published, a command comes back answered", async () => {
  // #region example
  const { parseConfig, runOcppBridge, SimulatedChargePoint } = await import("@smart-charge/ocpp-bridge");
  const { encodeMessage, profileCommandSchema, topics, subscriptions } =
    await import("@smart-charge/contracts");
  const { connectClient, endClient, mqttBrokerForTests, recordMessages } =
    await import("@smart-charge/test-infra");

  const broker = await mqttBrokerForTests("aedes"); // an in-process broker on a free port
  const config = parseConfig({
    site: "depot-north",
    ocpp: { host: "127.0.0.1", port: 0 }, // 0: a free port, reported as bridge.port
    chargers: [{ id: "CP-017", phases: 3, maxHardwarePowerKw: 22 }],
    failSafe: { limitKw: 4.14 },
    mqtt: { url: broker.url },
    http: { host: "127.0.0.1", port: 0 },
  });
  const bridge = await runOcppBridge(config);

  // The panel-engine's side of the contract: session events in, profile commands out, results in.
  const engine = await connectClient(broker.url);
  const events = await recordMessages(engine, topics.sessionEvent("depot-north", "CP-017"));
  const results = await recordMessages(engine, topics.commandResult("depot-north", "CP-017"));

  // A charger connects at ws://host:port/<chargerId>, speaking ocpp1.6 (or ocpp2.0.1).
  const charger = await SimulatedChargePoint.connect({
    url: `ws://127.0.0.1:${bridge.port}`,
    identity: "CP-017",
    version: "1.6",
  });
  await charger.boot(); // the bridge answers, then installs the fail-safe TxDefaultProfile on connector 0
  const transactionId = await charger.startTransaction(1); // the bridge assigns the 1.6 transaction id
  const started = (await events.waitFor()).json();
  expect(started).toMatchObject({ type: "started", transactionId, connectorId: 1, maxHardwarePowerKw: 22 });

  const command = {
    messageId: "5f0c3a52-8d1e-4c47-9a35-0f6b8e1d2c90",
    site: "depot-north",
    panel: "panel-a",
    chargerId: "CP-017",
    connectorId: 1,
    action: "SetChargingProfile" as const,
    ocppVersion: "1.6" as const,
    payload: {
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 1187,
        transactionId: Number(transactionId),
        stackLevel: 0,
        chargingProfilePurpose: "TxProfile",
        chargingProfileKind: "Relative",
        chargingSchedule: {
          chargingRateUnit: "A",
          chargingSchedulePeriod: [{ startPeriod: 0, limit: 16, numberPhases: 3 }],
        },
      },
    },
    epoch: 12,
    issuedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
  };
  expect(subscriptions.bridge("depot-north", "CP-017")).toEqual([
    topics.profileCommand("depot-north", "CP-017"),
  ]);
  await engine.publishAsync(
    topics.profileCommand("depot-north", "CP-017"),
    encodeMessage(profileCommandSchema, command),
    {
      qos: 1,
    },
  );
  const result = (await results.waitFor()).json();
  expect(result).toMatchObject({ messageId: command.messageId, chargerId: "CP-017", status: "Accepted" });
  expect(charger.limitsW.get(1)).toBe(16 * 230 * 3);

  // A command from a deposed engine (a lower epoch) is answered but never reaches the charger.
  await engine.publishAsync(
    topics.profileCommand("depot-north", "CP-017"),
    encodeMessage(profileCommandSchema, { ...command, messageId: "stale-1", epoch: 11 }),
    { qos: 1 },
  );
  const fenced = (await results.waitFor((m) => m.text.includes("stale-1"))).json();
  expect(fenced).toMatchObject({ status: "Rejected", reason: "fenced" });

  await charger.close();
  await endClient(engine);
  await bridge.stop();
  await broker.stop();
  // #endregion
  const snippet = exampleRegion(import.meta.filename);
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(snippet.length).toBeGreaterThan(100);
  expect(readme).toContain(snippet);
});
