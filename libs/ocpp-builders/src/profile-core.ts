import type { SessionProfile } from "@smart-charge/allocation";
import type { DynamicAnchor } from "./dynamic-anchor.js";
import type { SupplyType } from "./limits.js";
import { resolveMinChargingRate, resolvePeriods, resolveUnits } from "./limits.js";
import type { CommonProfileOptions } from "./options.js";
import { stableProfileId } from "./profile-id.js";
import type { SchedulePeriod, UnitContext } from "./schedule.js";
import { checkSession } from "./session-input.js";
import type { ProfileRole } from "./target.js";
import { resolveTarget } from "./target.js";
import type { ProfileTiming } from "./timing.js";
import { resolveTiming } from "./timing.js";
import { requireInteger } from "./validate.js";

/** Everything the version-specific builders need, with every rule that is not version-specific applied. */
export interface ResolvedProfile {
  id: number;
  stackLevel: number;
  /** Connector (1.6) or EVSE (2.x) id the profile belongs on. */
  target: number;
  timing: ProfileTiming;
  units: UnitContext;
  periods: SchedulePeriod[];
  minChargingRate?: number;
}

export interface CoreRequest {
  session: SessionProfile;
  options: CommonProfileOptions;
  purpose: string;
  role: ProfileRole;
  targetField: "connectorId" | "evseId";
  requestedTarget: number | undefined;
  supply: SupplyType;
  /** Set by the dynamic builders: timing and shifted periods come from it, not from `options`. */
  anchor?: DynamicAnchor | undefined;
}

export function resolveProfile(request: CoreRequest): ResolvedProfile {
  const { options, purpose, role, anchor } = request;
  const session = checkSession(request.session);
  const target = resolveTarget(
    request.targetField,
    role,
    purpose,
    request.requestedTarget,
    session.connectorId,
  );
  const stackLevel = requireInteger("stackLevel", options.stackLevel ?? 0, 0);
  const id =
    options.profileId === undefined
      ? stableProfileId({ clientId: session.clientId, target, purpose, stackLevel })
      : requireInteger("profileId", options.profileId, 1);
  const units = resolveUnits(session, options, request.supply);
  const periods = resolvePeriods(session, anchor === undefined ? options : anchor.shifted, units);
  const timing = resolveTiming(options, role, periods.length, anchor);
  const minChargingRate = resolveMinChargingRate(session, units, role);
  const resolved: ResolvedProfile = { id, stackLevel, target, timing, units, periods };
  if (minChargingRate !== undefined) resolved.minChargingRate = minChargingRate;
  return resolved;
}
