import { DuplicateSessionError, SessionNotFoundError, SmartChargingConfigError } from "../errors.js";
import type { ActiveSession, ChargingSession, PhaseCount, SessionUpdate } from "../types.js";
import { storedSession } from "./stored-session.js";
import { validateSession } from "./validate.js";

/** The engine's sessions keyed by String(transactionId); every method validates before it changes anything. */
export class SessionRegistry {
  private readonly sessions = new Map<string, ActiveSession>();
  /** The stored sessions in order, for the engine's own reads; rebuilt after any change. */
  private view: readonly ActiveSession[] | undefined;

  constructor(private readonly sitePhases: PhaseCount) {}

  add(session: ChargingSession, now: number): ActiveSession {
    const key = String(session.transactionId);
    if (this.sessions.has(key)) throw new DuplicateSessionError(session.transactionId);
    const active = this.resolve(session, now);
    this.sessions.set(key, active);
    this.view = undefined;
    return { ...active };
  }

  update(transactionId: number | string, patch: SessionUpdate): ActiveSession {
    const current = this.sessions.get(String(transactionId));
    if (current === undefined) throw new SessionNotFoundError(transactionId);
    // An explicit undefined removes a cap (the seed's rule): drop such keys instead of copying undefined.
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<ChargingSession>;
    const merged: ChargingSession = { ...current, ...defined };
    for (const key of ["maxHardwarePowerKw", "maxEvAcceptancePowerKw"] as const) {
      if (key in patch && patch[key] === undefined) delete merged[key];
    }
    if (patch.phases !== undefined && patch.panelPhases === undefined) delete merged.panelPhases;
    const next = this.resolve(
      { ...merged, transactionId: current.transactionId, clientId: current.clientId },
      current.addedAt,
    );
    this.sessions.set(String(transactionId), next);
    this.view = undefined;
    return { ...next };
  }

  remove(transactionId: number | string): ActiveSession {
    const key = String(transactionId);
    const current = this.sessions.get(key);
    if (current === undefined) throw new SessionNotFoundError(transactionId);
    this.sessions.delete(key);
    this.view = undefined;
    return current;
  }

  get(transactionId: number | string): ActiveSession | undefined {
    const s = this.sessions.get(String(transactionId));
    return s === undefined ? undefined : { ...s };
  }

  /** Copies: what callers get can be changed without touching the registry. */
  list(): ActiveSession[] {
    return Array.from(this.sessions.values(), (s) => ({ ...s }));
  }

  /**
   * The stored sessions themselves, without copying (optimize() runs often, on thousands of sessions).
   * Only for the engine's own reads, such as handing them to the solver, which never changes its input.
   */
  all(): readonly ActiveSession[] {
    return (this.view ??= Array.from(this.sessions.values()));
  }

  /** Replaces (or merges into) the sessions; all are validated first so a bad snapshot changes nothing. */
  load(snapshot: ReadonlyArray<ChargingSession & { addedAt?: number }>, clear: boolean, now: number): void {
    const seen = new Set<string>();
    const resolved = snapshot.map((s) => {
      const key = String(s.transactionId);
      if (seen.has(key))
        throw new SmartChargingConfigError(`loadSnapshot: duplicate transactionId "${key}"`, "transactionId");
      seen.add(key);
      return this.resolve(s, s.addedAt ?? now);
    });
    if (clear) this.sessions.clear();
    for (const s of resolved) this.sessions.set(String(s.transactionId), s);
    this.view = undefined;
  }

  get size(): number {
    return this.sessions.size;
  }

  private resolve(session: ChargingSession & { addedAt?: number }, addedAt: number): ActiveSession {
    const active = storedSession(session, session.phases ?? this.sitePhases, addedAt);
    validateSession(active);
    return active;
  }
}
