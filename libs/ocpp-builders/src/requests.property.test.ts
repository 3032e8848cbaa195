import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildOcpp16ClearChargingProfileRequest,
  buildOcpp201ClearChargingProfileRequest,
  buildOcpp21ClearChargingProfileRequest,
} from "./clear-requests.js";
import {
  buildOcpp16DynamicRequest,
  buildOcpp201DynamicRequest,
  buildOcpp21DynamicRequest,
} from "./dynamic-profiles.js";
import {
  buildOcpp16FailSafeRequest,
  buildOcpp201FailSafeRequest,
  buildOcpp21FailSafeRequest,
} from "./fail-safe.js";
import { OCPP16_PURPOSES } from "./ocpp16.js";
import { OCPP201_PURPOSES } from "./ocpp201.js";
import { OCPP21_PURPOSES } from "./ocpp21.js";
import { powerScheduleArbitrary, sessionArbitrary } from "./test-support/arbitraries.js";
import { expectProfileRules } from "./test-support/invariants.js";
import { schemaErrors } from "./test-support/schemas.js";

/** Optional narrowing, absent (not undefined) when not drawn. */
const narrowing = fc.record(
  { target: fc.integer({ min: 0, max: 10 }), stackLevel: fc.integer({ min: 0, max: 20 }) },
  { requiredKeys: [] },
);
const narrowed = (field: "connectorId" | "evseId", narrow: { target?: number; stackLevel?: number }) => ({
  ...(narrow.target === undefined ? {} : { [field]: narrow.target }),
  ...(narrow.stackLevel === undefined ? {} : { stackLevel: narrow.stackLevel }),
});

describe("ClearChargingProfile over random targets", () => {
  it("validates for every version, by id or by criteria", () => {
    const byId = fc
      .integer({ min: 1, max: 2_147_483_647 })
      .map((chargingProfileId) => ({ chargingProfileId }));
    fc.assert(
      fc.property(byId, narrowing, fc.nat(), (idTarget, narrow, pick) => {
        const p16 = OCPP16_PURPOSES[pick % OCPP16_PURPOSES.length] ?? "TxProfile";
        const p201 = OCPP201_PURPOSES[pick % OCPP201_PURPOSES.length] ?? "TxProfile";
        const p21 = OCPP21_PURPOSES[pick % OCPP21_PURPOSES.length] ?? "TxProfile";
        const v16 = buildOcpp16ClearChargingProfileRequest({
          purpose: p16,
          ...narrowed("connectorId", narrow),
        });
        const v201 = buildOcpp201ClearChargingProfileRequest({
          purpose: p201,
          ...narrowed("evseId", narrow),
        });
        const v21 = buildOcpp21ClearChargingProfileRequest({ purpose: p21, ...narrowed("evseId", narrow) });
        expect(schemaErrors("1.6", "ClearChargingProfile", v16)).toEqual([]);
        expect(schemaErrors("2.0.1", "ClearChargingProfile", v201)).toEqual([]);
        expect(schemaErrors("2.1", "ClearChargingProfile", v21)).toEqual([]);
        // Never an empty clear: a purpose or an id is always there.
        expect(v16.chargingProfilePurpose).toBeDefined();
        expect(v201.chargingProfileCriteria?.chargingProfilePurpose).toBeDefined();
        expect(
          schemaErrors("1.6", "ClearChargingProfile", buildOcpp16ClearChargingProfileRequest(idTarget)),
        ).toEqual([]);
        expect(
          schemaErrors("2.1", "ClearChargingProfile", buildOcpp21ClearChargingProfileRequest(idTarget)),
        ).toEqual([]);
      }),
    );
  });
});

describe("fail-safe profiles over random limits", () => {
  it("validate for every version", () => {
    const input = fc.record({
      clientId: fc.string({ maxLength: 20 }),
      limitW: fc.integer({ min: 0, max: 50_000 }),
      phases: fc.constantFrom(1 as const, 2 as const, 3 as const),
      voltageV: fc.integer({ min: 100, max: 277 }),
      rateUnit: fc.constantFrom("W" as const, "A" as const),
      stackLevel: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(input, (failSafe) => {
        expect(schemaErrors("1.6", "SetChargingProfile", buildOcpp16FailSafeRequest(failSafe))).toEqual([]);
        expect(schemaErrors("2.0.1", "SetChargingProfile", buildOcpp201FailSafeRequest(failSafe))).toEqual(
          [],
        );
        expect(schemaErrors("2.1", "SetChargingProfile", buildOcpp21FailSafeRequest(failSafe))).toEqual([]);
      }),
    );
  });
});

describe("dynamic profiles over random engine output and schedules", () => {
  it("validate for every version and always carry startSchedule, duration and validTo", () => {
    const timing = fc.record({
      now: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
      ttlSeconds: fc.integer({ min: 1, max: 3600 }),
      backdateSeconds: fc.integer({ min: 0, max: 600 }),
    });
    const schedule = fc.option(powerScheduleArbitrary, { nil: undefined });
    fc.assert(
      fc.property(
        sessionArbitrary,
        timing,
        schedule,
        fc.constantFrom("W" as const, "A" as const),
        (session, when, plan, rateUnit) => {
          const options = plan === undefined ? { ...when, rateUnit } : { ...when, rateUnit, schedule: plan };
          const v16 = buildOcpp16DynamicRequest(session, options);
          const v201 = buildOcpp201DynamicRequest(session, options);
          const v21 = buildOcpp21DynamicRequest(session, options);
          expect(schemaErrors("1.6", "SetChargingProfile", v16)).toEqual([]);
          expect(schemaErrors("2.0.1", "SetChargingProfile", v201)).toEqual([]);
          expect(schemaErrors("2.1", "SetChargingProfile", v21)).toEqual([]);
          const profile = v201.chargingProfile;
          expectProfileRules(profile.id, profile, profile.chargingSchedule);
          expect(profile.chargingProfileKind).toBe("Absolute");
          expect(profile.validTo).toBeDefined();
          expect(profile.chargingSchedule[0]?.duration).toBe(when.ttlSeconds + when.backdateSeconds);
          expect(Date.parse(profile.chargingSchedule[0]?.startSchedule ?? "")).toBeLessThanOrEqual(when.now);
        },
      ),
    );
  });
});
