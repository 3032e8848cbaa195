import { describe, expect, it } from "vitest";
import { clampsOf, exitCodeOf, verdictOf } from "./describe-outcome.js";
import type { OperatorOutcome } from "./send-operator-command.js";

const answered = (command: Record<string, unknown>, applied: Record<string, unknown>): OperatorOutcome => ({
  kind: "answered",
  requestId: "r1",
  command: { requestId: "r1", ...command },
  result: { requestId: "r1", ok: true, applied },
});

describe("verdicts", () => {
  it("finds clamped values by comparing what was asked with what applies, nested ones too", () => {
    expect(
      clampsOf(
        { limitKw: 500, phaseAmps: { L1: 700, L2: 600, L3: 600 } },
        { limitKw: 400, phaseAmps: { L1: 630, L2: 600, L3: 600 }, clamped: ["limitKw", "phaseAmps.L1"] },
      ),
    ).toEqual([
      { field: "limitKw", requested: 500, applied: 400 },
      { field: "phaseAmps.L1", requested: 700, applied: 630 },
    ]);
  });

  it("maps accepted and clamped to exit 0, rejected to 1, no answer to 2", () => {
    const clamped = answered({ limitKw: 500 }, { limitKw: 400 });
    expect([verdictOf(clamped), exitCodeOf(verdictOf(clamped))]).toEqual(["clamped", 0]);
    const accepted = answered({ capKw: null, panel: "a" }, { capKw: null, panel: "a", phaseAmps: null });
    expect([verdictOf(accepted), exitCodeOf(verdictOf(accepted))]).toEqual(["accepted", 0]);
    const rejected: OperatorOutcome = {
      kind: "answered",
      requestId: "r1",
      command: {},
      result: { requestId: "r1", ok: false, error: { field: "panel", message: "unknown" } },
    };
    expect(exitCodeOf(verdictOf(rejected))).toBe(1);
    expect(exitCodeOf(verdictOf({ kind: "timeout", requestId: "r1", command: {}, waitedMs: 10 }))).toBe(2);
  });
});
