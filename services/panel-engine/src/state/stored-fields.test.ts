import { describe, expect, it } from "vitest";
import type { SessionPatch } from "./panel-state-store.js";
import {
  decodeCommanded,
  decodeSession,
  encodeCommanded,
  encodePatch,
  encodeSession,
  patchedSession,
} from "./stored-fields.js";
import { commanded, session, without } from "./test-support/state-fixtures.js";

describe("stored fields", () => {
  it("encodes each session field as its own JSON value and decodes it back exactly", () => {
    const original = session("tx-1", { maxEvAcceptancePowerKw: 0.1 + 0.2 });
    const fields = Object.fromEntries(encodeSession(original));
    expect(fields["maxEvAcceptancePowerKw"]).toBe("0.30000000000000004");
    expect(fields["transactionId"]).toBe('"tx-1"');
    expect(decodeSession(fields)).toStrictEqual(original);
  });

  it("refuses numbers JSON cannot carry, which would come back as null", () => {
    expect(() => encodeSession(session("tx-1", { maxHardwarePowerKw: Number.NaN }))).toThrow(
      /maxHardwarePowerKw must be a finite number/,
    );
    expect(() => encodePatch({ minChargeRateKw: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => encodeCommanded(commanded("tx-1", "m-1", { limitW: Number.NaN }))).toThrow(/limitW/);
  });

  it("splits a patch into writes and removals of patchable fields only", () => {
    // As a JavaScript caller may build it: an explicit undefined, and a field that is not patchable.
    const patch = { priority: 2, maxHardwarePowerKw: null, minChargeRateKw: undefined, chargerId: "other" };
    expect(encodePatch(patch as unknown as SessionPatch)).toEqual({
      set: [["priority", "2"]],
      remove: ["maxHardwarePowerKw"],
    });
  });

  it.each(["priority", "phases", "panelPhases", "connectorId"] as const)("refuses to remove %s", (field) => {
    expect(() => encodePatch({ [field]: null })).toThrow(`${field} cannot be removed`);
  });

  it("stores a commanded limit without its acknowledgement, which follows the acked messageId", () => {
    const json = encodeCommanded(commanded("tx-1", "m-1", { acknowledged: true }));
    expect(JSON.parse(json)).not.toHaveProperty("acknowledged");
    expect(decodeCommanded(json, "m-1").acknowledged).toBe(true);
    expect(decodeCommanded(json, "m-0").acknowledged).toBe(false);
    expect(decodeCommanded(json, undefined)).toEqual(commanded("tx-1", "m-1"));
  });

  it("predicts the session a store holds after a patch, removed caps included", () => {
    const before = session("tx-1", { maxEvAcceptancePowerKw: 11, priority: 1 });
    const after = patchedSession(before, { maxEvAcceptancePowerKw: null, priority: 0.1 + 0.2 });
    expect(after).toStrictEqual({ ...without(before, "maxEvAcceptancePowerKw"), priority: 0.1 + 0.2 });
    expect(before.maxEvAcceptancePowerKw).toBe(11); // the leader's copy is not touched
  });
});
