/**
 * The README's examples. golden.test.ts checks that the README shows exactly this code and exactly the JSON
 * it produces, and that the JSON passes the official schemas, so the documentation cannot drift.
 */
import {
  buildOcpp16ClearChargingProfileRequest,
  buildOcpp16FailSafeRequest,
  buildOcpp16SetChargingProfileRequest,
  buildOcpp201ClearChargingProfileRequest,
  buildOcpp201DynamicRequest,
  buildOcpp201FailSafeRequest,
  buildOcpp201SetChargingProfileRequest,
  buildOcpp21ClearChargingProfileRequest,
  buildOcpp21SetChargingProfileRequest,
} from "../index.js";
import type { OcppVersion, ProfileAction } from "./schemas.js";
import { SAMPLE_NOW, sampleSession } from "./sessions.js";

export interface GoldenCase {
  name: string;
  version: OcppVersion;
  action: ProfileAction;
  /** The call as the README shows it; `session` is sampleSession() and `now` is SAMPLE_NOW. */
  code: string;
  build: () => unknown;
}

const session = sampleSession();
const now = SAMPLE_NOW;

export const GOLDEN_CASES: readonly GoldenCase[] = [
  {
    name: "ocpp16-set",
    version: "1.6",
    action: "SetChargingProfile",
    code: `buildOcpp16SetChargingProfileRequest(session, { rateUnit: "A", now })`,
    build: () => buildOcpp16SetChargingProfileRequest(session, { rateUnit: "A", now }),
  },
  {
    name: "ocpp16-fail-safe",
    version: "1.6",
    action: "SetChargingProfile",
    code: `buildOcpp16FailSafeRequest({ clientId: "CP-001", limitW: 4140, phases: 3, voltageV: 230 })`,
    build: () => buildOcpp16FailSafeRequest({ clientId: "CP-001", limitW: 4140, phases: 3, voltageV: 230 }),
  },
  {
    name: "ocpp16-clear",
    version: "1.6",
    action: "ClearChargingProfile",
    code: `buildOcpp16ClearChargingProfileRequest({ purpose: "TxProfile", connectorId: 1 })`,
    build: () => buildOcpp16ClearChargingProfileRequest({ purpose: "TxProfile", connectorId: 1 }),
  },
  {
    name: "ocpp201-set-time-of-use",
    version: "2.0.1",
    action: "SetChargingProfile",
    code: `buildOcpp201SetChargingProfileRequest(session, {
  now,
  schedule: [
    { startPeriod: 0, limitW: 13320 },
    { startPeriod: 3600, limitW: 4140 },
  ],
})`,
    build: () =>
      buildOcpp201SetChargingProfileRequest(session, {
        now,
        schedule: [
          { startPeriod: 0, limitW: 13320 },
          { startPeriod: 3600, limitW: 4140 },
        ],
      }),
  },
  {
    name: "ocpp201-dynamic",
    version: "2.0.1",
    action: "SetChargingProfile",
    code: `buildOcpp201DynamicRequest(session, { now, rateUnit: "A" })`,
    build: () => buildOcpp201DynamicRequest(session, { now, rateUnit: "A" }),
  },
  {
    name: "ocpp201-fail-safe",
    version: "2.0.1",
    action: "SetChargingProfile",
    code: `buildOcpp201FailSafeRequest({ clientId: "CP-001", limitW: 4140, phases: 3, voltageV: 230 })`,
    build: () => buildOcpp201FailSafeRequest({ clientId: "CP-001", limitW: 4140, phases: 3, voltageV: 230 }),
  },
  {
    name: "ocpp201-clear",
    version: "2.0.1",
    action: "ClearChargingProfile",
    code: `buildOcpp201ClearChargingProfileRequest({ chargingProfileId: 606981864 })`,
    build: () => buildOcpp201ClearChargingProfileRequest({ chargingProfileId: 606981864 }),
  },
  {
    name: "ocpp21-set-v2g",
    version: "2.1",
    action: "SetChargingProfile",
    code: `buildOcpp21SetChargingProfileRequest(session, { now, dischargeLimitW: 7400 })`,
    build: () => buildOcpp21SetChargingProfileRequest(session, { now, dischargeLimitW: 7400 }),
  },
  {
    name: "ocpp21-clear",
    version: "2.1",
    action: "ClearChargingProfile",
    code: `buildOcpp21ClearChargingProfileRequest({ purpose: "TxProfile", evseId: 1, stackLevel: 0 })`,
    build: () => buildOcpp21ClearChargingProfileRequest({ purpose: "TxProfile", evseId: 1, stackLevel: 0 }),
  },
];
