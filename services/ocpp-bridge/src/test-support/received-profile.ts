/** A charging-profile request as a charger received it, with the limit it sets in W over all phases. */
export interface ReceivedProfile {
  action: "SetChargingProfile" | "ClearChargingProfile";
  params: Record<string, unknown>;
  /** Connector (1.6) or EVSE (2.0.1) it applies to; undefined for a clear by profile id. */
  connectorId: number | undefined;
  purpose: string | undefined;
  /** The first period's limit in W (0 for a clear). */
  limitW: number;
  /** What the charger answered. */
  answer: string;
}

interface Period {
  limit: number;
  numberPhases?: number;
}
interface Schedule {
  chargingRateUnit: "A" | "W";
  chargingSchedulePeriod: Period[];
}
interface Profile {
  chargingProfilePurpose: string;
  chargingSchedule: Schedule | Schedule[];
}

/** Reads a 1.6 or 2.0.1 SetChargingProfile / ClearChargingProfile request. */
export function readProfileRequest(
  action: ReceivedProfile["action"],
  params: Record<string, unknown>,
  answer: string,
  voltageV = 230,
): ReceivedProfile {
  if (action === "ClearChargingProfile") {
    const criteria = (params["chargingProfileCriteria"] ?? params) as Record<string, unknown>;
    const target = criteria["evseId"] ?? criteria["connectorId"];
    const purpose = criteria["chargingProfilePurpose"];
    return {
      action,
      params,
      connectorId: typeof target === "number" ? target : undefined,
      purpose: typeof purpose === "string" ? purpose : undefined,
      limitW: 0,
      answer,
    };
  }
  const profile = (params["csChargingProfiles"] ?? params["chargingProfile"]) as Profile;
  const schedule = Array.isArray(profile.chargingSchedule)
    ? profile.chargingSchedule[0]
    : profile.chargingSchedule;
  const period = schedule?.chargingSchedulePeriod[0];
  if (schedule === undefined || period === undefined)
    throw new Error(`no schedule in ${JSON.stringify(params)}`);
  const watts =
    schedule.chargingRateUnit === "A" ? period.limit * voltageV * (period.numberPhases ?? 3) : period.limit;
  return {
    action,
    params,
    connectorId: (params["connectorId"] ?? params["evseId"]) as number,
    purpose: profile.chargingProfilePurpose,
    limitW: Math.round(watts),
    answer,
  };
}
