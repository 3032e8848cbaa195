import { describe, expect, it } from "vitest";
import { capturedIo } from "../test-support/captured-io.js";
import { runCli } from "./run-cli.js";

// A closed port: none of these lines may get as far as connecting.
const env = { MQTT_URL: "mqtt://127.0.0.1:1", SCE_SITE: "depot-north" };

async function refusal(args: string[]) {
  const { io, stdout, stderr } = capturedIo(env);
  const code = await runCli(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text.split("\n")[0] };
}

describe("bad command lines name the argument and exit 64", () => {
  it.each([
    [["set-grid-limit"], "sce set-grid-limit: <kW>: is missing"],
    [["set-grid-limit", "-1"], "sce set-grid-limit: -1: must not be negative"],
    [
      ["set-grid-limit", "50", "--phase-amps", "32,32"],
      'sce set-grid-limit: --phase-amps: expects three currents in A for L1,L2,L3 (e.g. 32,32,32), got "32,32"',
    ],
    [
      ["set-grid-limit", "50", "--phase-amps", "32,x,32"],
      'sce set-grid-limit: --phase-amps (L2): must be a number, got "x"',
    ],
    [["set-grid-limit", "50", "60"], "sce set-grid-limit: 60: unexpected argument"],
    [["set-safety-margin", "100"], "sce set-safety-margin: <pct>: must be below 100, got 100"],
    [["set-safety-margin", "-3kW"], "sce set-safety-margin: -3kW: must not be negative"],
    [["set-panel-cap", "panel-a"], "sce set-panel-cap: <kW|none>: is missing"],
    [["set-panel-cap", "panel-a", "lots"], 'sce set-panel-cap: <kW|none>: must be a number, got "lots"'],
    [
      ["set-strategy", "panel-a", "FASTEST"],
      'sce set-strategy: <strategy>: must be one of EQUAL_SHARE, PRIORITY, TIME_OF_USE, got "FASTEST"',
    ],
    [
      ["set-strategy", "panel-a", "PRIORITY", "--peak-hours", "17-21", "--peak-share", "0.5"],
      "sce set-strategy: --peak-hours: only goes with TIME_OF_USE",
    ],
    [
      ["set-strategy", "panel-a", "TIME_OF_USE", "--peak-hours", "17-25", "--peak-share", "0.5"],
      "sce set-strategy: --peak-hours: must be at most 23, got 25",
    ],
    [
      ["set-strategy", "panel-a", "TIME_OF_USE", "--peak-share", "0.5"],
      "sce set-strategy: --peak-hours: is needed with --peak-share",
    ],
    [["tree", "--stale-after", "soon"], 'sce tree: --stale-after: must be a number, got "soon"'],
    [
      ["tree", "--site-config", "/nonexistent/site.json"],
      "sce tree: --site-config: config (file): cannot read /nonexistent/site.json: ENOENT: no such file or directory, open '/nonexistent/site.json'",
    ],
    [["launch"], "sce launch: launch: unknown command"],
  ])("%j", async (args, message) => {
    expect(await refusal(args)).toEqual({ code: 64, stdout: "", stderr: message });
  });

  it("asks for a site when neither --site nor SCE_SITE gives one", async () => {
    const { io, stderr } = capturedIo({ MQTT_URL: env.MQTT_URL });
    expect(await runCli(["set-grid-limit", "50"], io)).toBe(64);
    expect(stderr.text).toMatch(/^sce set-grid-limit: --site: is missing \(or set SCE_SITE\)\n/);
  });

  it("prints usage for --help (exit 0) and without a command (exit 64)", async () => {
    const help = capturedIo(env);
    expect(await runCli(["set-grid-limit", "--help"], help.io)).toBe(0);
    expect(help.stdout.text).toContain("sce set-grid-limit <kW> [--phase-amps L1,L2,L3]");
    const none = capturedIo(env);
    expect(await runCli([], none.io)).toBe(64);
    expect(none.stdout.text).toMatch(/^Usage: sce <command> \[options\]/);
  });
});
