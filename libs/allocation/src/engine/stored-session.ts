import type { ActiveSession, ChargingSession, Phase, PhaseCount } from "../types.js";

const DEFAULT_PANEL_PHASES: Record<PhaseCount, readonly Phase[]> = {
  1: ["L1"],
  2: ["L1", "L2"],
  3: ["L1", "L2", "L3"],
};

/**
 * The stored form of a session: `{ ...session, connectorId, priority, phases, panelPhases, addedAt }`
 * with the defaults applied, same keys in the same order, but copied one plain store at a time.
 *
 * Why not the spread: V8 gave nearly every object built by that spread its own hidden class (4992 of
 * 5000 in the benchmark), so every read of a stored session in optimize() was megamorphic, about 13×
 * slower. Stores from an empty object follow one shared chain of hidden classes: sessions registered
 * with the same fields in the same order share one.
 */
export function storedSession(session: ChargingSession, phases: PhaseCount, addedAt: number): ActiveSession {
  const stored: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(session)) {
    if (!Object.prototype.propertyIsEnumerable.call(session, key)) continue;
    const value: unknown = (session as unknown as Record<PropertyKey, unknown>)[key];
    // A store to "__proto__" would set the prototype; the spread defines an own property instead.
    if (key === "__proto__")
      Object.defineProperty(stored, key, { value, writable: true, enumerable: true, configurable: true });
    else stored[key] = value;
  }
  stored["connectorId"] = session.connectorId ?? 1;
  stored["priority"] = session.priority ?? 1;
  stored["phases"] = phases;
  stored["panelPhases"] = session.panelPhases ?? DEFAULT_PANEL_PHASES[phases];
  stored["addedAt"] = addedAt;
  return stored as unknown as ActiveSession;
}
