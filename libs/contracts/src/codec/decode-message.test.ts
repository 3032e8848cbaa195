import { describe, expect, it } from "vitest";
import { panelBudgetSchema } from "../schemas/panel-budget.js";
import { panelStatusSchema } from "../schemas/panel-status.js";
import { sessionEventSchema } from "../schemas/session-event.js";
import { decodeMessage } from "./decode-message.js";

const budget = {
  site: "s",
  panel: "p",
  totalKw: 40,
  sequence: 3,
  issuedAt: "2025-03-14T09:30:00Z",
};
const json = (value: unknown): string => JSON.stringify(value);

describe("decodeMessage", () => {
  it("reads a valid message from a Buffer or a string", () => {
    expect(decodeMessage(panelBudgetSchema, Buffer.from(json(budget)))).toEqual({ ok: true, value: budget });
    expect(decodeMessage(panelBudgetSchema, json(budget))).toEqual({ ok: true, value: budget });
  });

  it("reports malformed JSON and invalid UTF-8 as (json)", () => {
    const broken = decodeMessage(panelBudgetSchema, "{ totalKw: 4");
    expect(broken.ok || broken.error.field).toBe("(json)");
    const binary = decodeMessage(panelBudgetSchema, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(binary).toEqual({ ok: false, error: { field: "(json)", message: "payload is not valid UTF-8" } });
  });

  it("reports JSON that is not an object as (root)", () => {
    for (const payload of ["42", "null", "[]", '"text"']) {
      expect(decodeMessage(panelBudgetSchema, payload)).toEqual({
        ok: false,
        error: { field: "(root)", message: "expected a JSON object" },
      });
    }
  });

  it("names the first offending field by its dotted path", () => {
    const negative = decodeMessage(panelBudgetSchema, json({ ...budget, totalKw: -1 }));
    expect(negative.ok || negative.error.field).toBe("totalKw");
    const phase = decodeMessage(
      panelBudgetSchema,
      json({ ...budget, phaseAmps: { L1: 10, L2: "x", L3: 10 } }),
    );
    expect(phase.ok || phase.error.field).toBe("phaseAmps.L2");
    const missing = decodeMessage(panelBudgetSchema, json({ ...budget, sequence: undefined }));
    expect(missing.ok || missing.error.field).toBe("sequence");
  });

  it("names array elements by index", () => {
    const status = {
      site: "s",
      panel: "p",
      leader: null,
      demandKw: 1,
      minimumKw: 0,
      allocatedKw: 1,
      sessions: [
        {
          transactionId: 1,
          chargerId: "c",
          connectorId: 1,
          allocatedKw: -1,
          minChargeRateKw: 0,
          reason: "budget",
        },
      ],
      publishedAt: "2025-03-14T09:30:00Z",
    };
    const decoded = decodeMessage(panelStatusSchema, json(status));
    expect(decoded.ok || decoded.error.field).toBe("sessions.0.allocatedKw");
  });

  it("refuses numbers JSON turns into Infinity", () => {
    const decoded = decodeMessage(panelBudgetSchema, json(budget).replace('"totalKw":40', '"totalKw":1e999'));
    expect(decoded.ok || decoded.error.field).toBe("totalKw");
  });

  it("ignores unknown fields, at any depth, so newer writers do not break older readers", () => {
    const decoded = decodeMessage(
      panelBudgetSchema,
      json({ ...budget, futureField: 1, phaseAmps: { L1: 1, L2: 1, L3: 1, N: 4 } }),
    );
    expect(decoded).toEqual({ ok: true, value: { ...budget, phaseAmps: { L1: 1, L2: 1, L3: 1 } } });
  });

  it("reads integer transaction ids as strings", () => {
    const started = {
      type: "started",
      chargerId: "c",
      transactionId: 42,
      connectorId: 1,
      ocppVersion: "1.6",
      at: "2025-03-14T09:30:00Z",
    };
    const decoded = decodeMessage(sessionEventSchema, json(started));
    expect(decoded.ok && decoded.value.transactionId).toBe("42");
  });

  it("names the discriminator when an event type is unknown", () => {
    const decoded = decodeMessage(sessionEventSchema, json({ type: "paused", chargerId: "c" }));
    expect(decoded.ok || decoded.error.field).toBe("type");
  });
});
