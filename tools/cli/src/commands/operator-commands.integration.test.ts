import { topics } from "@smart-charge/contracts";
import { uniqueId, type BrokerKind } from "@smart-charge/test-infra";
import { describe, expect, test } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { capturedIo } from "../test-support/captured-io.js";
import { brokerWithSiteMaster } from "../test-support/broker-with-site-master.js";

describe.each<BrokerKind>(["mosquitto", "aedes"])("operator commands over %s", (kind) => {
  const { url, startSiteMaster } = brokerWithSiteMaster(kind);

  async function run(args: string[], mqtt5 = false) {
    const site = uniqueId("cli-site");
    const siteMaster = await startSiteMaster(site, ["panel-a"], mqtt5);
    const { io, stdout, stderr } = capturedIo({ MQTT_URL: url(), SCE_SITE: site });
    const code = await runCli(args, io);
    return { site, code, stdout: stdout.text, stderr: stderr.text, received: siteMaster.received };
  }

  test("an accepted command prints what is now in force and exits 0", async () => {
    const { code, stdout, received, site } = await run(["set-safety-margin", "5%"]);
    expect(code).toBe(0);
    const command = received[0]?.command.message;
    expect(stdout).toBe(`accepted; now in force: marginPercent 5 (request ${command?.requestId})\n`);
    // The JSON carries the correlation: a fresh requestId and where to answer.
    expect(command).toMatchObject({ marginPercent: 5, replyTo: topics.operatorResult(site) });
    expect(command?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a clamped grid limit says what was asked and what applies, and exits 0", async () => {
    const { code, stdout, received } = await run(["set-grid-limit", "500", "--phase-amps", "630,630,600"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^clamped: limitKw 500 requested, 400 applied; now in force: limitKw 400 \(request /,
    );
    expect(received[0]?.command.message).toMatchObject({
      limitKw: 500,
      phaseAmps: { L1: 630, L2: 630, L3: 600 },
    });
  });

  test("a rejected command names the field and exits 1", async () => {
    const { code, stdout, received } = await run(["set-panel-cap", "panel-z", "20"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^rejected: panel: no panel "panel-z" on this site \(request .+\)\n$/);
    expect(received[0]?.command).toMatchObject({ kind: "setPanelBudgetCap", ids: { panel: "panel-z" } });
  });

  test("set-strategy goes to the panel's strategy topic; --json prints the result for scripts", async () => {
    const { code, stdout } = await run([
      "set-strategy",
      "panel-a",
      "time-of-use",
      "--peak-hours",
      "17-21",
      "--peak-share",
      "0.5",
      "--json",
    ]);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({
      verdict: "accepted",
      command: {
        panel: "panel-a",
        strategy: "TIME_OF_USE",
        timeOfUse: { peakStartHour: 17, peakEndHour: 21, peakPowerMultiplier: 0.5 },
      },
      result: { ok: true, applied: { strategy: "TIME_OF_USE" } },
      clamps: [],
    });
  });

  test("no answer in time is a clear message and exit code 2", async () => {
    const site = uniqueId("cli-site");
    const siteMaster = await startSiteMaster(site, ["panel-a"]);
    siteMaster.answer = null;
    const { io, stdout, stderr } = capturedIo({ MQTT_URL: url(), SCE_SITE: site });
    expect(await runCli(["set-panel-cap", "panel-a", "none", "--timeout", "0.3"], io)).toBe(2);
    expect(stdout.text).toBe("");
    expect(stderr.text).toMatch(
      /^no answer: the site-master did not answer within 0\.\d s \(request .+\)\.\n/,
    );
    // The command did arrive: the timeout is about the answer, not the delivery.
    expect(siteMaster.received[0]?.command.message).toMatchObject({ panel: "panel-a", capKw: null });
  });

  test("another operator's result on the same topic is not taken for ours", async () => {
    const site = uniqueId("cli-site");
    const siteMaster = await startSiteMaster(site, ["panel-a"]);
    siteMaster.answer = (command) => ({ requestId: `not-${command.message.requestId.slice(4)}`, ok: true });
    const { io } = capturedIo({ MQTT_URL: url(), SCE_SITE: site });
    expect(await runCli(["set-grid-limit", "100", "--timeout", "0.5"], io)).toBe(2);
    expect(siteMaster.received).toHaveLength(1);
  });
});

describe("operator commands over MQTT 5 (mosquitto)", () => {
  const { url, startSiteMaster } = brokerWithSiteMaster("mosquitto");

  test("--mqtt5 also sets response topic and correlation data from the JSON", async () => {
    const site = uniqueId("cli-site");
    const siteMaster = await startSiteMaster(site, [], true);
    const { io } = capturedIo({ MQTT_URL: url(), SCE_SITE: site });
    expect(await runCli(["set-grid-limit", "300", "--mqtt5"], io)).toBe(0);
    const [received] = siteMaster.received;
    expect(received).toMatchObject({
      responseTopic: topics.operatorResult(site),
      correlationData: received?.command.message.requestId,
    });
  });
});
