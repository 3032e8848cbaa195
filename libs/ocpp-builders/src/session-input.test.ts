import type { SessionProfile } from "@smart-charge/allocation";
import { describe, expect, it } from "vitest";
import { checkSession } from "./session-input.js";
import { errorField } from "./test-support/assertions.js";
import { sampleSession } from "./test-support/sessions.js";

describe("checkSession", () => {
  it("accepts the engine's output unchanged", () => {
    const session = sampleSession();
    expect(checkSession(session)).toBe(session);
  });

  it.each<[string, Partial<Record<keyof SessionProfile, unknown>>]>([
    ["allocatedW", { allocatedW: Number.NaN }],
    ["allocatedW", { allocatedW: Infinity }],
    ["allocatedW", { allocatedW: -1 }],
    ["allocatedAmpsPerPhase", { allocatedAmpsPerPhase: -0.1 }],
    ["phases", { phases: 4 }],
    ["voltageV", { voltageV: 0 }],
    ["minChargeRateKw", { minChargeRateKw: Number.NaN }],
    ["connectorId", { connectorId: 1.5 }],
    ["clientId", { clientId: 7 }],
    ["transactionId", { transactionId: null }],
  ])("names %s when it is invalid", (field, override) => {
    expect(errorField(() => checkSession({ ...sampleSession(), ...override } as SessionProfile))).toBe(field);
  });
});
