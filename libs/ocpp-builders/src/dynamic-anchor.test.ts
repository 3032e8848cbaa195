import { describe, expect, it } from "vitest";
import {
  buildOcpp16DynamicRequest,
  buildOcpp201DynamicRequest,
  buildOcpp21DynamicRequest,
} from "./dynamic-profiles.js";
import {
  buildOcpp16SetChargingProfileRequest,
  buildOcpp201SetChargingProfileRequest,
  buildOcpp21SetChargingProfileRequest,
} from "./set-requests.js";
import { errorField } from "./test-support/assertions.js";
import { SAMPLE_NOW, sampleSession } from "./test-support/sessions.js";

/** What the dynamic builders used to do: the plain builder with the timing options written out. */
function viaTimingOptions(now: number, ttl: number, backdate: number) {
  return {
    kind: "Absolute",
    now: Math.floor((now - backdate * 1000) / 1000) * 1000,
    durationSeconds: backdate + ttl,
    validTo: Math.floor((now + ttl * 1000) / 1000) * 1000,
  } as const;
}

describe("dynamic profiles take their timing from the anchor", () => {
  const cases = [
    { now: SAMPLE_NOW, ttl: 300, backdate: 60 },
    { now: SAMPLE_NOW + 999.75, ttl: 1, backdate: 0 },
    { now: SAMPLE_NOW - 0.5, ttl: 1, backdate: 0 },
    { now: SAMPLE_NOW + 123, ttl: 86_400, backdate: 3600 },
    { now: Date.UTC(2024, 11, 31, 23, 59, 59, 999), ttl: 2, backdate: 1 },
    { now: Date.UTC(9999, 11, 31, 23, 50, 0, 500), ttl: 599, backdate: 0 },
  ];

  it.each(cases)("and write what the plain builder writes for %j", ({ now, ttl, backdate }) => {
    const options = { now, ttlSeconds: ttl, backdateSeconds: backdate, rateUnit: "A" } as const;
    const timing = viaTimingOptions(now, ttl, backdate);
    expect(JSON.stringify(buildOcpp16DynamicRequest(sampleSession(), options))).toBe(
      JSON.stringify(buildOcpp16SetChargingProfileRequest(sampleSession(), { rateUnit: "A", ...timing })),
    );
    expect(JSON.stringify(buildOcpp201DynamicRequest(sampleSession(), options))).toBe(
      JSON.stringify(buildOcpp201SetChargingProfileRequest(sampleSession(), { rateUnit: "A", ...timing })),
    );
    expect(JSON.stringify(buildOcpp21DynamicRequest(sampleSession(), options))).toBe(
      JSON.stringify(buildOcpp21SetChargingProfileRequest(sampleSession(), { rateUnit: "A", ...timing })),
    );
  });

  it("accepts a Date clock with milliseconds like the same epoch number", () => {
    const now = SAMPLE_NOW + 777;
    expect(buildOcpp16DynamicRequest(sampleSession(), { now: new Date(now) })).toEqual(
      buildOcpp16DynamicRequest(sampleSession(), { now }),
    );
  });

  it("still fails on the timing checks resolveTiming makes, in the same order", () => {
    // A JavaScript caller may pass recurrencyKind; the profile is Absolute, so it is refused.
    const recurring = { now: SAMPLE_NOW, recurrencyKind: "Daily" } as never;
    expect(errorField(() => buildOcpp16DynamicRequest(sampleSession(), recurring))).toBe("recurrencyKind");
    // backdate + ttl must fit an OCPP integer; session errors are still reported first.
    const huge = { now: SAMPLE_NOW, ttlSeconds: 2_147_483_647, backdateSeconds: 1 };
    expect(errorField(() => buildOcpp201DynamicRequest(sampleSession(), huge))).toBe("durationSeconds");
    expect(
      errorField(() => buildOcpp201DynamicRequest(sampleSession({ allocatedW: Number.NaN }), huge)),
    ).toBe("allocatedW");
    // A dynamic profile always has a duration, which PriorityCharging forbids (K01.FR.70).
    expect(
      errorField(() =>
        buildOcpp21DynamicRequest(sampleSession(), { now: SAMPLE_NOW, purpose: "PriorityCharging" }),
      ),
    ).toBe("durationSeconds");
  });

  it("rejects a clock whose startSchedule or validTo leaves the four-digit years", () => {
    const first = Date.parse("0000-01-01T00:00:00Z");
    expect(errorField(() => buildOcpp16DynamicRequest(sampleSession(), { now: first + 59_999 }))).toBe("now");
    expect(
      buildOcpp16DynamicRequest(sampleSession(), { now: first + 60_000 }).csChargingProfiles.chargingSchedule
        .startSchedule,
    ).toBe("0000-01-01T00:00:00Z");
    const last = Date.parse("9999-12-31T23:59:59.999Z");
    expect(errorField(() => buildOcpp16DynamicRequest(sampleSession(), { now: last - 299_999 }))).toBe("now");
  });
});
