import type { SessionProfile } from "@smart-charge/allocation";
import type { DynamicAnchor } from "./dynamic-anchor.js";
import type {
  Ocpp2ChargingProfile,
  Ocpp2ChargingSchedule,
  Ocpp2ChargingSchedulePeriod,
  Ocpp2ProfileOptions,
} from "./ocpp2-common.js";
import { assembleOcpp2, requireOcpp2Purpose } from "./ocpp2-common.js";
import type { ChargingProfileKind } from "./options.js";
import type { ProfileRole } from "./target.js";

/** ChargingStationExternalConstraints is left out on purpose: the CSMS must not set it (K01.FR.22). */
export type Ocpp201Purpose = "ChargingStationMaxProfile" | "TxDefaultProfile" | "TxProfile";
export const OCPP201_PURPOSES: readonly Ocpp201Purpose[] = [
  "ChargingStationMaxProfile",
  "TxDefaultProfile",
  "TxProfile",
];

export type Ocpp201ChargingSchedulePeriod = Ocpp2ChargingSchedulePeriod;
export type Ocpp201ChargingSchedule = Ocpp2ChargingSchedule<Ocpp201ChargingSchedulePeriod>;
/** The `chargingProfile` of a 2.0.1 SetChargingProfileRequest. */
export type Ocpp201ChargingProfile = Ocpp2ChargingProfile<
  Ocpp201Purpose,
  ChargingProfileKind,
  Ocpp201ChargingSchedulePeriod
>;

export interface Ocpp201ProfileOptions extends Ocpp2ProfileOptions {
  /** Default `TxProfile`. */
  purpose?: Ocpp201Purpose;
}

const ROLES: Record<Ocpp201Purpose, ProfileRole> = {
  ChargingStationMaxProfile: "stationMax",
  TxDefaultProfile: "txDefault",
  TxProfile: "tx",
};

/** The profile plus the EVSE it belongs on, for the request builders (`anchor`: see assembleOcpp2). */
export function assembleOcpp201(
  session: SessionProfile,
  options: Ocpp201ProfileOptions = {},
  anchor?: DynamicAnchor,
): { evseId: number; profile: Ocpp201ChargingProfile } {
  const purpose = requireOcpp2Purpose(options.purpose ?? "TxProfile", OCPP201_PURPOSES);
  const { evseId, profile } = assembleOcpp2(session, options, purpose, ROLES[purpose], anchor);
  return { evseId, profile };
}

/** A 2.0.1 ChargingProfile (`chargingProfile`) from the engine's SessionProfile. */
export function buildOcpp201Profile(
  session: SessionProfile,
  options: Ocpp201ProfileOptions = {},
): Ocpp201ChargingProfile {
  return assembleOcpp201(session, options).profile;
}
