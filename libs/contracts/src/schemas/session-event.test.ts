import { describe, expect, it } from "vitest";
import { sessionEventSchema } from "./session-event.js";

const key = {
  chargerId: "CP-1",
  transactionId: "t1",
  connectorId: 1,
  ocppVersion: "2.0.1",
  at: "2025-03-14T09:30:00+01:00",
};
const firstField = (value: unknown): string | undefined =>
  sessionEventSchema.safeParse(value).error?.issues[0]?.path.join(".");

describe("session events", () => {
  it("accept a 1-phase charger wired to L2", () => {
    const parsed = sessionEventSchema.parse({ type: "started", ...key, phases: 1, panelPhases: ["L2"] });
    expect(parsed).toMatchObject({ phases: 1, panelPhases: ["L2"] });
  });

  it("refuse wiring that does not match the phase count or repeats a conductor", () => {
    expect(firstField({ type: "started", ...key, phases: 3, panelPhases: ["L1", "L2"] })).toBe("panelPhases");
    expect(firstField({ type: "started", ...key, panelPhases: ["L1", "L1"] })).toBe("panelPhases");
    expect(firstField({ type: "updated", ...key, phases: 1, panelPhases: ["L1", "L3"] })).toBe("panelPhases");
    expect(firstField({ type: "started", ...key, phases: 4 })).toBe("phases");
  });

  it("refuse negative caps and unparseable times", () => {
    expect(firstField({ type: "started", ...key, maxHardwarePowerKw: -7 })).toBe("maxHardwarePowerKw");
    expect(firstField({ type: "started", ...key, at: "yesterday" })).toBe("at");
    expect(firstField({ type: "started", ...key, at: "2025-03-14T09:30:00" })).toBe("at");
    expect(firstField({ type: "meter-values", ...key, powerKw: -0.5 })).toBe("powerKw");
    expect(firstField({ type: "meter-values", ...key, powerKw: 1, socPercent: 101 })).toBe("socPercent");
  });

  it("let an update remove a cap with null and leave omitted fields alone", () => {
    const parsed = sessionEventSchema.parse({ type: "updated", ...key, maxEvAcceptancePowerKw: null });
    expect(parsed).toEqual({ type: "updated", ...key, maxEvAcceptancePowerKw: null });
    expect(firstField({ type: "started", ...key, maxEvAcceptancePowerKw: null })).toBe(
      "maxEvAcceptancePowerKw",
    );
  });

  it("refuse transaction ids that are neither a non-empty string nor an integer", () => {
    expect(firstField({ type: "stopped", ...key, transactionId: "" })).toBe("transactionId");
    expect(firstField({ type: "stopped", ...key, transactionId: 1.5 })).toBe("transactionId");
    expect(firstField({ type: "stopped", ...key, transactionId: null })).toBe("transactionId");
  });

  it("refuse connector 0, which is the whole charger and not a session", () => {
    expect(firstField({ type: "stopped", ...key, connectorId: 0 })).toBe("connectorId");
  });
});
