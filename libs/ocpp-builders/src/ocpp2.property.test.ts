import type { SessionProfile } from "@smart-charge/allocation";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Ocpp2ProfileOptions } from "./ocpp2-common.js";
import { OCPP201_PURPOSES } from "./ocpp201.js";
import type { Ocpp21Purpose } from "./ocpp21.js";
import { OCPP21_PURPOSES } from "./ocpp21.js";
import {
  buildOcpp201SetChargingProfileRequest,
  buildOcpp21SetChargingProfileRequest,
} from "./set-requests.js";
import { commonOptionsArbitrary, fixCommon, sessionArbitrary } from "./test-support/arbitraries.js";
import { expectProfileRules, expectWithinAllocation } from "./test-support/invariants.js";
import { schemaErrors } from "./test-support/schemas.js";
import { SAMPLE_NOW } from "./test-support/sessions.js";

/** 2.x extras: DC supply (W, no phases) or AC with phaseToUse when single-phase. */
const supplyArbitrary = fc.record({
  dc: fc.boolean(),
  phaseToUse: fc.constantFrom(1 as const, 2 as const, 3 as const),
});

function ocpp2Options(
  common: Ocpp2ProfileOptions,
  purpose: string,
  supply: { dc: boolean; phaseToUse: 1 | 2 | 3 },
): Ocpp2ProfileOptions {
  const options: Ocpp2ProfileOptions = {
    ...fixCommon(common, purpose === "ChargingStationMaxProfile", SAMPLE_NOW),
  };
  if (supply.dc) {
    options.supplyType = "DC";
    options.rateUnit = "W";
    delete options.numberPhases;
  } else if (options.numberPhases === 1) {
    options.phaseToUse = supply.phaseToUse;
  }
  return options;
}

function expectAllocationRespected(
  session: SessionProfile,
  options: Ocpp2ProfileOptions,
  limit: number | undefined,
): void {
  if (options.periods !== undefined || options.schedule !== undefined || limit === undefined) return;
  expectWithinAllocation(
    session,
    options.rateUnit ?? "W",
    limit,
    Math.max(session.phases, options.numberPhases ?? 1),
  );
}

describe("OCPP 2.0.1 builders over random engine output", () => {
  it("always produce a SetChargingProfileRequest the official schemas accept", () => {
    const purposes = fc.constantFrom(...OCPP201_PURPOSES);
    fc.assert(
      fc.property(
        sessionArbitrary,
        commonOptionsArbitrary,
        purposes,
        supplyArbitrary,
        (session, common, purpose, supply) => {
          const options = { ...ocpp2Options(common, purpose, supply), purpose };
          const request = buildOcpp201SetChargingProfileRequest(session, options);
          expect(schemaErrors("2.0.1", "SetChargingProfile", request)).toEqual([]);
          const profile = request.chargingProfile;
          expectProfileRules(profile.id, profile, profile.chargingSchedule);
          expect(profile.chargingSchedule).toHaveLength(1);
          expect(profile.transactionId !== undefined).toBe(purpose === "TxProfile");
          expect(request.evseId > 0 || purpose !== "TxProfile").toBe(true);
          const period = profile.chargingSchedule[0]?.chargingSchedulePeriod[0];
          if (supply.dc) expect(period?.numberPhases).toBeUndefined();
          expectAllocationRespected(session, options, period?.limit);
        },
      ),
    );
  });
});

describe("OCPP 2.1 builders over random engine output", () => {
  const purposes = fc.constantFrom<Ocpp21Purpose>(...OCPP21_PURPOSES);
  const discharge = fc.option(fc.integer({ min: 0, max: 22_000 }), { nil: undefined });

  it("always produce a SetChargingProfileRequest the official schemas accept, with V2G where allowed", () => {
    fc.assert(
      fc.property(
        sessionArbitrary,
        commonOptionsArbitrary,
        purposes,
        supplyArbitrary,
        discharge,
        (session, common, purpose, supply, dischargeW) => {
          const options = { ...ocpp2Options(common, purpose, supply), purpose };
          if (purpose === "PriorityCharging") delete options.durationSeconds;
          const canDischarge = purpose === "TxProfile" || purpose === "TxDefaultProfile";
          const request = buildOcpp21SetChargingProfileRequest(
            session,
            dischargeW !== undefined && canDischarge ? { ...options, dischargeLimitW: dischargeW } : options,
          );
          expect(schemaErrors("2.1", "SetChargingProfile", request)).toEqual([]);
          const profile = request.chargingProfile;
          expectProfileRules(profile.id, profile, profile.chargingSchedule);
          for (const period of profile.chargingSchedule[0]?.chargingSchedulePeriod ?? []) {
            expect(period.dischargeLimit !== undefined).toBe(dischargeW !== undefined && canDischarge);
            expect(period.operationMode === "ExternalSetpoint").toBe(period.dischargeLimit !== undefined);
          }
          expectAllocationRespected(
            session,
            options,
            profile.chargingSchedule[0]?.chargingSchedulePeriod[0]?.limit,
          );
        },
      ),
    );
  });
});
