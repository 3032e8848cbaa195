import { describe, expect, it } from "vitest";
import { ContractError } from "../errors/contract-error.js";
import type { PanelBudget } from "../schemas/panel-budget.js";
import { panelBudgetSchema } from "../schemas/panel-budget.js";
import { profileCommandSchema } from "../schemas/profile-command.js";
import { sessionEventSchema } from "../schemas/session-event.js";
import { EXAMPLES } from "../examples/example-messages.js";
import { decodeMessage } from "./decode-message.js";
import { encodeMessage } from "./encode-message.js";

const budget: PanelBudget = {
  site: "s",
  panel: "p",
  totalKw: 40,
  sequence: 3,
  issuedAt: "2025-03-14T09:30:00Z",
};

function contractErrorOf(write: () => unknown): ContractError {
  try {
    write();
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error("expected a ContractError");
}

describe("encodeMessage", () => {
  it("serialises a valid message to JSON that decodes back to it", () => {
    const text = encodeMessage(panelBudgetSchema, budget);
    expect(JSON.parse(text)).toEqual(budget);
    expect(decodeMessage(panelBudgetSchema, text)).toEqual({ ok: true, value: budget });
  });

  it("throws a ContractError naming the field of an invalid message", () => {
    const error = contractErrorOf(() => encodeMessage(panelBudgetSchema, { ...budget, totalKw: Number.NaN }));
    expect(error.field).toBe("totalKw");
    expect(error.message).toMatch(/^totalKw: /);
    expect(error.toIssue().field).toBe("totalKw");
  });

  it("refuses unknown fields, which a reader would silently drop", () => {
    const typo = { ...budget, phaseAmp: { L1: 16, L2: 16, L3: 16 } } as PanelBudget;
    expect(contractErrorOf(() => encodeMessage(panelBudgetSchema, typo)).field).toBe("phaseAmp");
    const nested = { ...budget, phaseAmps: { L1: 16, L2: 16, L3: 16, l3: 10 } } as PanelBudget;
    expect(contractErrorOf(() => encodeMessage(panelBudgetSchema, nested)).field).toBe("phaseAmps.l3");
  });

  it("keeps every key of the opaque OCPP payload but refuses values JSON cannot carry", () => {
    const command = EXAMPLES.profileCommand.message;
    expect(JSON.parse(encodeMessage(profileCommandSchema, command))).toMatchObject({
      payload: command.payload,
    });
    const nan = { ...command, payload: { csChargingProfiles: { limits: [1, Number.POSITIVE_INFINITY] } } };
    expect(contractErrorOf(() => encodeMessage(profileCommandSchema, nan)).field).toBe(
      "payload.csChargingProfiles.limits.1",
    );
  });

  it("writes integer transaction ids as strings, as readers will see them", () => {
    const started = {
      type: "started",
      chargerId: "c",
      transactionId: 1187,
      connectorId: 1,
      ocppVersion: "1.6",
      at: "2025-03-14T09:30:00Z",
    } as const;
    expect(encodeMessage(sessionEventSchema, started)).toContain('"transactionId":"1187"');
  });
});
