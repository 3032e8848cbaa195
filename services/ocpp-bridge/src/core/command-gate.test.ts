import { createFence, type ProfileCommand } from "@smart-charge/contracts";
import { describe, expect, test } from "vitest";
import { gateCommand } from "./command-gate.js";
import { outcomeOfAnswer, outcomeOfFailure } from "./command-outcome.js";

const now = Date.UTC(2025, 2, 14, 9, 30);
const command = (epoch: number, extra: Partial<ProfileCommand> = {}): ProfileCommand => ({
  messageId: "m-1",
  site: "depot",
  panel: "panel-a",
  chargerId: "CP-1",
  connectorId: 1,
  action: "SetChargingProfile",
  ocppVersion: "1.6",
  payload: {},
  epoch,
  issuedAt: new Date(now - 1_000).toISOString(),
  expiresAt: new Date(now + 60_000).toISOString(),
  ...extra,
});

describe("which commands reach the charger", () => {
  test("the fence keeps the highest epoch per charger and per panel and drops lower ones", () => {
    const fence = createFence();
    expect(gateCommand(command(5), fence, "1.6", now)).toEqual({ kind: "relay" });
    expect(gateCommand(command(5), fence, "1.6", now)).toEqual({ kind: "relay" });
    expect(gateCommand(command(4), fence, "1.6", now)).toMatchObject({
      status: "Rejected",
      reason: "fenced",
      field: "epoch",
    });
    // A deposed engine of the same panel is fenced even on a charger the new leader has not spoken to.
    expect(gateCommand(command(4, { chargerId: "CP-2" }), fence, "1.6", now)).toMatchObject({
      reason: "fenced",
    });
    expect(gateCommand(command(4, { chargerId: "CP-3", panel: "panel-b" }), fence, "1.6", now)).toEqual({
      kind: "relay",
    });
  });

  test("an expired command is dropped before the fence sees its epoch", () => {
    const fence = createFence();
    const expired = command(9, { expiresAt: new Date(now).toISOString() });
    expect(gateCommand(expired, fence, "1.6", now)).toMatchObject({ reason: "expired", code: "expired" });
    expect(fence.highest("CP-1")).toBeUndefined();
  });

  test("offline and wrong-version chargers", () => {
    expect(gateCommand(command(1), createFence(), undefined, now)).toEqual({
      kind: "drop",
      status: "Rejected",
      reason: "offline",
    });
    expect(gateCommand(command(1), createFence(), "2.0.1", now)).toMatchObject({
      status: "NotSupported",
      code: "version-mismatch",
    });
  });
});

describe("command results from the charger's answer", () => {
  test("answers of both versions", () => {
    expect(outcomeOfAnswer("SetChargingProfile", { status: "Accepted" })).toEqual({ status: "Accepted" });
    expect(
      outcomeOfAnswer("SetChargingProfile", { status: "Rejected", statusInfo: { reasonCode: "TxNotFound" } }),
    ).toEqual({
      status: "Rejected",
      reason: "TxNotFound",
    });
    expect(outcomeOfAnswer("SetChargingProfile", { status: "NotSupported" }).status).toBe("NotSupported");
    expect(outcomeOfAnswer("ClearChargingProfile", { status: "Unknown" })).toEqual({
      status: "Accepted",
      reason: "Unknown",
    });
    expect(outcomeOfAnswer("SetChargingProfile", { status: "Unknown" }).status).toBe("Rejected");
  });

  test("failures: timeout, not implemented, other OCPP errors, a lost connection", () => {
    expect(outcomeOfFailure(new Error("Call timeout"), true)).toEqual({
      status: "Rejected",
      reason: "timeout",
    });
    const notImplemented = Object.assign(new Error("no"), { rpcErrorCode: "NotImplemented" });
    expect(outcomeOfFailure(notImplemented, false)).toEqual({
      status: "NotSupported",
      reason: "NotImplemented",
    });
    const violation = Object.assign(new Error("limit"), { rpcErrorCode: "FormatViolation" });
    expect(outcomeOfFailure(violation, false)).toEqual({
      status: "Rejected",
      reason: "FormatViolation: limit",
    });
    expect(outcomeOfFailure(new Error("Client disconnected"), false)).toEqual({
      status: "Rejected",
      reason: "offline",
    });
  });
});
