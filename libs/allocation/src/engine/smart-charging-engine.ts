import { EventEmitter } from "node:events";
import { SmartChargingConfigError, StrategyError } from "../errors.js";
import { allocate, DEFAULT_MIN_DWELL_MS, type AllocationResult } from "../solver/allocate.js";
import type { RotationState } from "../solver/rotation.js";
import type { StrategySpec } from "../solver/strategy-spec.js";
import { DAY_MS, planSchedule, type Plan } from "../strategies/plan-schedule.js";
import type {
  ActiveSession,
  Budget,
  ChargingSession,
  PhaseCount,
  PhaseLimits,
  SessionProfile,
  SessionUpdate,
  Strategy,
  StrategyFn,
  TimeOfUseWindow,
} from "../types.js";
import { Coalescer } from "./dispatch-coalescer.js";
import type {
  ClearDispatchPayload,
  EngineState,
  SmartChargingEngineConfig,
  SmartChargingEngineEvents,
} from "./engine-types.js";
import { dispatchReduceFirst } from "./run-dispatch.js";
import { resolveStrategy } from "./resolve-strategy.js";
import { SessionRegistry } from "./session-registry.js";
import {
  requireNonNegative,
  requirePhaseCount,
  requirePhaseLimits,
  requireSafetyMargin,
} from "./validate.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- typed events, as the seed does
export interface SmartChargingEngine {
  on<K extends keyof SmartChargingEngineEvents>(event: K, listener: SmartChargingEngineEvents[K]): this;
  once<K extends keyof SmartChargingEngineEvents>(event: K, listener: SmartChargingEngineEvents[K]): this;
  off<K extends keyof SmartChargingEngineEvents>(event: K, listener: SmartChargingEngineEvents[K]): this;
  emit<K extends keyof SmartChargingEngineEvents>(
    event: K,
    ...args: Parameters<SmartChargingEngineEvents[K]>
  ): boolean;
}

/**
 * The in-process engine with the seed package's API: register sessions, optimize, dispatch through your
 * own OCPP send function. Allocation is delegated to the pure solver; this class keeps the sessions, the
 * rotation state and the limits last sent, and enforces reduce-before-raise when dispatching.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class SmartChargingEngine extends EventEmitter {
  private readonly siteId: string;
  private gridLimitKw: number;
  private safetyMarginPct: number;
  private readonly voltageV: number;
  private readonly phases: PhaseCount;
  private readonly phaseLimitsA: PhaseLimits | undefined;
  private readonly minDwellMs: number;
  private readonly clock: () => number;
  private algorithm: Strategy | StrategyFn;
  private strategy: StrategySpec;
  private timeOfUseWindows: TimeOfUseWindow[] | undefined;
  private timeOfUseTimezone: string | undefined;
  private readonly strictPriorityTiers: boolean;
  private readonly registry: SessionRegistry;
  private rotation: RotationState = {};
  private last: AllocationResult | undefined;
  /** Limits each charger has confirmed (W), so reductions can be sent before raises. */
  private readonly inForceW = new Map<string, number>();
  private autoDispatchTimer: NodeJS.Timeout | null = null;
  private readonly dispatcher: Coalescer<SessionProfile[]>;

  constructor(private readonly options: SmartChargingEngineConfig) {
    super();
    if (typeof options.siteId !== "string" || options.siteId.length === 0) {
      throw new SmartChargingConfigError(
        `siteId must be a non-empty string, got ${String(options.siteId)}`,
        "siteId",
      );
    }
    if (typeof options.dispatcher !== "function")
      throw new SmartChargingConfigError("dispatcher must be a function", "dispatcher");
    requireNonNegative("maxGridPowerKw", options.maxGridPowerKw);
    requireSafetyMargin(options.safetyMarginPct ?? 5);
    const voltageV = options.voltageV ?? 230;
    if (!(voltageV > 0 && Number.isFinite(voltageV)))
      throw new SmartChargingConfigError(`voltageV must be > 0, got ${voltageV}`, "voltageV");
    requirePhaseCount("phases", options.phases ?? 3);
    requirePhaseLimits(options.phaseLimitsA);
    requireNonNegative("minDwellMs", options.minDwellMs ?? DEFAULT_MIN_DWELL_MS);
    this.siteId = options.siteId;
    this.gridLimitKw = options.maxGridPowerKw;
    this.safetyMarginPct = options.safetyMarginPct ?? 5;
    this.voltageV = voltageV;
    this.phases = options.phases ?? 3;
    this.phaseLimitsA = options.phaseLimitsA;
    this.minDwellMs = options.minDwellMs ?? DEFAULT_MIN_DWELL_MS;
    this.clock = options.clock ?? Date.now;
    this.strictPriorityTiers = options.strictPriorityTiers === true;
    this.timeOfUseWindows = options.timeOfUseWindows;
    this.timeOfUseTimezone = options.timeOfUseTimezone;
    this.algorithm = options.algorithm ?? "EQUAL_SHARE";
    this.strategy = this.resolve(this.algorithm, {});
    this.registry = new SessionRegistry(this.phases);
    this.dispatcher = new Coalescer(() => this.runDispatch());
  }

  // ── sessions ────────────────────────────────────────────────────────────────────────────────────────
  addSession(session: ChargingSession): ActiveSession {
    const added = this.registry.add(session, this.clock());
    this.log(`session added: ${added.transactionId} (${added.clientId})`);
    this.emit("sessionAdded", { ...added });
    return added;
  }

  updateSession(transactionId: number | string, patch: SessionUpdate): ActiveSession {
    const updated = this.registry.update(transactionId, patch);
    this.emit("sessionUpdated", { ...updated });
    return updated;
  }

  removeSession(transactionId: number | string): ActiveSession {
    const removed = this.registry.remove(transactionId);
    this.inForceW.delete(String(transactionId));
    this.emit("sessionRemoved", { ...removed });
    if (this.options.autoClearOnRemove === true && this.options.clearDispatcher !== undefined) {
      void this.clearOne(removed);
    }
    return removed;
  }

  safeRemoveSession(transactionId: number | string): ActiveSession | undefined {
    return this.registry.get(transactionId) === undefined ? undefined : this.removeSession(transactionId);
  }

  getSessions(): ReadonlyArray<ActiveSession> {
    return this.registry.list();
  }

  getSession(transactionId: number | string): ActiveSession | undefined {
    return this.registry.get(transactionId);
  }

  getSnapshot(): ActiveSession[] {
    return this.registry.list();
  }

  loadSnapshot(
    sessions: ReadonlyArray<ChargingSession & { addedAt?: number }>,
    opts: { clear?: boolean } = {},
  ): void {
    this.registry.load(sessions, opts.clear ?? true, this.clock());
    this.emit("snapshotLoaded", this.registry.list());
  }

  /** Ours: sessions plus rotation state, so a restarted engine keeps everyone's turn. */
  getState(): EngineState {
    return { sessions: this.registry.list(), rotation: { ...this.rotation } };
  }

  loadState(state: EngineState): void {
    this.loadSnapshot(state.sessions);
    this.rotation = { ...state.rotation };
  }

  isEmpty(): boolean {
    return this.registry.size === 0;
  }

  get sessionCount(): number {
    return this.registry.size;
  }

  // ── allocation ──────────────────────────────────────────────────────────────────────────────────────
  /** Calculates the profiles without dispatching; advances the rotation of paused sessions. */
  optimize(): SessionProfile[] {
    let result: AllocationResult;
    try {
      result = allocate({
        // The stored sessions, not copies: the solver only reads them (a custom strategy gets copies).
        sessions: this.registry.all(),
        budget: this.effectiveBudget(),
        voltageV: this.voltageV,
        strategy: this.strategy,
        now: this.clock(),
        rotation: this.rotation,
        minDwellMs: this.minDwellMs,
      });
    } catch (error) {
      const wrapped =
        error instanceof StrategyError
          ? error
          : new StrategyError(this.algorithmName(), String(error), { cause: error });
      this.emitError(wrapped);
      throw wrapped;
    }
    this.rotation = result.rotation;
    this.last = result;
    if (result.adjustments.length > 0) this.emit("strategyAdjusted", result.adjustments);
    if (!result.feasible) this.emitOverCommit(result);
    this.emit("optimized", result.profiles);
    return result.profiles;
  }

  /** Ours: the full result of the last optimize(): reasons, totals, feasibility. */
  get lastAllocation(): AllocationResult | undefined {
    return this.last;
  }

  /** Ours: allocation for the next `horizonMs` with a period at every time-of-use window edge. */
  getSchedule(horizonMs: number = DAY_MS): Plan {
    return planSchedule(
      {
        sessions: this.registry.all(),
        budget: this.effectiveBudget(),
        voltageV: this.voltageV,
        strategy: this.strategy,
        now: this.clock(),
        rotation: this.rotation,
        minDwellMs: this.minDwellMs,
      },
      horizonMs,
    );
  }

  dispatch(): Promise<SessionProfile[]> {
    return this.dispatcher.run();
  }

  private async runDispatch(): Promise<SessionProfile[]> {
    const profiles = this.optimize();
    if (profiles.length === 0) return profiles;
    const held = await dispatchReduceFirst({
      profiles,
      budget: this.effectiveBudget(),
      inForceW: this.inForceW,
      send: (p) =>
        this.options.dispatcher({
          clientId: p.clientId,
          connectorId: p.connectorId,
          transactionId: p.transactionId,
          sessionProfile: p,
        }),
      onError: (p, error) =>
        this.emit("dispatchError", { clientId: p.clientId, transactionId: p.transactionId, error }),
    });
    if (held.length > 0) this.emit("raisesHeld", held);
    this.emit("dispatched", profiles);
    return profiles;
  }

  async clearDispatch(transactionId?: number | string): Promise<void> {
    if (this.options.clearDispatcher === undefined) return;
    const targets =
      transactionId === undefined
        ? this.registry.list()
        : [this.registry.get(transactionId)].filter((s): s is ActiveSession => s !== undefined);
    await Promise.all(targets.map((s) => this.clearOne(s)));
  }

  private async clearOne(s: ActiveSession): Promise<void> {
    const payload: ClearDispatchPayload = {
      clientId: s.clientId,
      connectorId: s.connectorId,
      transactionId: s.transactionId,
    };
    try {
      await this.options.clearDispatcher?.(payload);
      this.emit("cleared", payload);
    } catch (error) {
      this.emit("clearError", { ...payload, error });
    }
  }

  startAutoDispatch(intervalMs: number): void {
    if (!(Number.isFinite(intervalMs) && intervalMs >= 1000)) {
      throw new SmartChargingConfigError(
        `startAutoDispatch intervalMs must be >= 1000, got ${intervalMs}`,
        "intervalMs",
      );
    }
    this.stopAutoDispatch();
    this.autoDispatchTimer = setInterval(() => {
      if (this.registry.size > 0)
        this.dispatch().catch((e: unknown) => this.emitError(e instanceof Error ? e : new Error(String(e))));
    }, intervalMs);
    this.autoDispatchTimer.unref();
    this.emit("autoDispatchStarted", intervalMs);
  }

  stopAutoDispatch(): void {
    if (this.autoDispatchTimer === null) return;
    clearInterval(this.autoDispatchTimer);
    this.autoDispatchTimer = null;
    this.emit("autoDispatchStopped");
  }

  // ── configuration ───────────────────────────────────────────────────────────────────────────────────
  setGridLimit(maxGridPowerKw: number): void {
    requireNonNegative("maxGridPowerKw", maxGridPowerKw);
    this.gridLimitKw = maxGridPowerKw;
  }

  setSafetyMargin(pct: number): void {
    requireSafetyMargin(pct);
    this.safetyMarginPct = pct;
  }

  /** Hot-swaps the strategy; takes effect on the next optimize()/dispatch(). */
  setAlgorithm(algorithm: Strategy | StrategyFn, config?: Partial<SmartChargingEngineConfig>): void {
    const strategy = this.resolve(algorithm, config ?? {});
    this.algorithm = algorithm;
    this.strategy = strategy;
    if (config?.timeOfUseWindows !== undefined) this.timeOfUseWindows = config.timeOfUseWindows;
    if (config?.timeOfUseTimezone !== undefined) this.timeOfUseTimezone = config.timeOfUseTimezone;
  }

  get config() {
    return {
      siteId: this.siteId,
      gridLimitKw: this.gridLimitKw,
      safetyMarginPct: this.safetyMarginPct,
      algorithm: typeof this.algorithm === "function" ? ("CUSTOM" as const) : this.algorithm,
      phases: this.phases,
      voltageV: this.voltageV,
      effectiveGridLimitKw: this.effectiveBudget().totalKw,
      autoDispatchActive: this.autoDispatchTimer !== null,
      timeOfUseWindows: this.timeOfUseWindows?.map((w) => ({ ...w })),
      timeOfUseTimezone: this.timeOfUseTimezone,
      phaseLimitsA: this.phaseLimitsA,
      effectivePhaseLimitsA: this.effectiveBudget().phaseAmps,
      minDwellMs: this.minDwellMs,
    };
  }

  private effectiveBudget(): Budget {
    const keep = 1 - this.safetyMarginPct / 100;
    const totalKw = this.gridLimitKw * keep;
    const p = this.phaseLimitsA;
    return p === undefined
      ? { totalKw }
      : { totalKw, phaseAmps: { L1: p.L1 * keep, L2: p.L2 * keep, L3: p.L3 * keep } };
  }

  private resolve(
    algorithm: Strategy | StrategyFn,
    config: Partial<SmartChargingEngineConfig>,
  ): StrategySpec {
    return resolveStrategy(algorithm, {
      timeOfUseWindows: config.timeOfUseWindows ?? this.timeOfUseWindows,
      timeOfUseTimezone: config.timeOfUseTimezone ?? this.timeOfUseTimezone,
      strictPriorityTiers: this.strictPriorityTiers,
    });
  }

  private algorithmName(): string {
    return typeof this.algorithm === "function" ? this.algorithm.name || "CUSTOM" : this.algorithm;
  }

  private emitOverCommit(result: AllocationResult): void {
    const paused = result.profiles.filter((p) => p.paused);
    this.emit("gridOverCommitted", {
      siteId: this.siteId,
      effectiveGridLimitKw: result.budgetKw,
      requestedKw: result.minimumKw,
      sessionCount: result.profiles.length,
      feasible: false,
      starvedSessions: paused.map((p) => ({
        clientId: p.clientId,
        transactionId: p.transactionId,
        connectorId: p.connectorId,
        minChargeRateKw: p.minChargeRateKw,
        allocatedKw: p.allocatedKw,
      })),
    });
  }

  /** Node throws on an unheard "error" event; inside a timer that would crash the host, so log instead. */
  private emitError(error: Error): void {
    if (this.listenerCount("error") > 0) this.emit("error", error);
    else console.error(`[${this.siteId}] smart-charge engine:`, error);
  }

  private log(message: string): void {
    if (this.options.debug === true) console.debug(`[${this.siteId}] ${message}`);
  }
}
