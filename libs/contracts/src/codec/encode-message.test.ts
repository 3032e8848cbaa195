import { describe, expect, it } from "vitest";
import { ContractError } from "../errors/contract-error.js";
import type { PanelBudget } from "../schemas/panel-budget.js";
import { panelBudgetSchema } from "../schemas/panel-budget.js";
import { profileCommandSchema } from "../schemas/profile-command.js";
import { sessionEventSchema } from "../schemas/session-event.js";
import { EXAMPLES, examplesOf } from "../examples/example-messages.js";
import { MESSAGE_SCHEMAS } from "../schemas/message-schemas.js";
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

  it("reports the same field whichever of several problems a message has", () => {
    const command = EXAMPLES.profileCommand.message;
    const nan = { csChargingProfiles: { limits: [Number.NaN] } };
    // An unknown key wins over a non-JSON value, wherever each of them is.
    const both = { ...command, payload: nan, zzz: 1 } as typeof command;
    expect(contractErrorOf(() => encodeMessage(profileCommandSchema, both)).toIssue()).toEqual({
      field: "zzz",
      message: "unknown field; readers would ignore it",
    });
    // A schema issue wins over an unknown key; refinements still run with an unknown key present.
    const late = { ...command, expiresAt: "2000-01-01T00:00:00Z", zzz: 1 } as typeof command;
    expect(contractErrorOf(() => encodeMessage(profileCommandSchema, late)).toIssue()).toEqual({
      field: "expiresAt",
      message: "must be later than issuedAt",
    });
    const nested = { ...budget, phaseAmps: { L1: Number.NaN, L2: 1, L3: 1 }, extra: 1 } as PanelBudget;
    expect(contractErrorOf(() => encodeMessage(panelBudgetSchema, nested)).field).toBe("phaseAmps.L1");
    expect(
      contractErrorOf(() => encodeMessage(profileCommandSchema, { ...command, payload: nan })).toIssue(),
    ).toEqual({
      field: "payload.csChargingProfiles.limits.0",
      message: "not representable in JSON (non-finite number?)",
    });
  });

  it("writes exactly what the schema's own parser outputs", () => {
    for (const [kind, schema] of Object.entries(MESSAGE_SCHEMAS)) {
      for (const example of examplesOf(kind as keyof typeof MESSAGE_SCHEMAS)) {
        expect(encodeMessage(schema, example.message as never)).toBe(
          JSON.stringify(schema.parse(example.message)),
        );
      }
    }
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
