import { createFence, isExpired, type ProfileCommand } from "@smart-charge/contracts";
import { commandLimitW, isFailSafe } from "./bridge-simulator.js";

interface ChargerModel {
  /** The engine's TxProfile: its limit and until when the charger applies it. */
  tx: { limitW: number; validUntil: number; epoch: number } | undefined;
  /** The fail-safe TxDefaultProfile, applied when no TxProfile is valid. */
  defaultW: number | undefined;
}

export type Verdict = "Accepted" | "fenced" | "expired";

/**
 * Plays the chargers and their bridges, as the contract tells a bridge to: a command whose epoch is below
 * the highest seen for its charger is refused (`createFence`), an expired one too; an accepted TxProfile
 * is in force until its `validTo`, then the charger falls back to its TxDefaultProfile. It records every
 * breach of what the engine promises: the limits in force never sum above the budget, and once a
 * command of a newer leader was accepted anywhere on the panel, no older leader's is.
 */
export class ChargerObserver {
  private readonly fence = createFence();
  private readonly chargers = new Map<string, ChargerModel>();
  /** chargerId → transactionId of the session the test started there. */
  readonly sessions = new Map<string, string>();
  readonly violations: string[] = [];
  readonly accepted: { epoch: number; at: number; command: ProfileCommand }[] = [];
  highestEpoch = 0;
  peakW = 0;

  constructor(private budgetW: number) {}

  setBudget(budgetW: number): void {
    this.budgetW = budgetW;
  }

  /** The bridge's verdict on a command received at `now`; an accepted one takes effect at once. */
  receive(command: ProfileCommand, now: number): Verdict {
    if (isExpired(command, new Date(now))) return "expired";
    if (!this.fence.admitCommand(command)) return "fenced";
    if (command.epoch < this.highestEpoch)
      this.violations.push(
        `epoch ${command.epoch} accepted on ${command.chargerId} after epoch ${this.highestEpoch} elsewhere`,
      );
    this.highestEpoch = Math.max(this.highestEpoch, command.epoch);
    this.accepted.push({ epoch: command.epoch, at: now, command });
    const model = this.model(command.chargerId);
    if (isFailSafe(command)) model.defaultW = commandLimitW(command);
    else if (command.action === "ClearChargingProfile") model.tx = undefined;
    else model.tx = { limitW: commandLimitW(command), validUntil: validTo(command), epoch: command.epoch };
    this.check(now);
    return "Accepted";
  }

  /** A new transaction starts under the charger's TxDefaultProfile: a TxProfile belongs to one transaction. */
  sessionStarted(chargerId: string, transactionId: string, now: number): void {
    this.sessions.set(chargerId, transactionId);
    this.model(chargerId).tx = undefined;
    this.check(now);
  }

  /**
   * The transaction ends, and its TxProfile with it (OCPP), whether or not the engine's
   * ClearChargingProfile arrives: a leader killed between storing the stop and publishing the clear
   * leaves none, and the next session on that charger must not be counted at the old limit.
   */
  sessionStopped(chargerId: string): void {
    this.sessions.delete(chargerId);
    this.model(chargerId).tx = undefined;
  }

  /** What the charger draws at `at`: nothing without a session, else its valid TxProfile, else its default. */
  inForceW(chargerId: string, at: number): number {
    if (!this.sessions.has(chargerId)) return 0;
    const model = this.model(chargerId);
    if (model.tx !== undefined && model.tx.validUntil > at) return model.tx.limitW;
    return model.defaultW ?? 0;
  }

  totalW(at: number): number {
    let total = 0;
    for (const chargerId of this.sessions.keys()) total += this.inForceW(chargerId, at);
    return total;
  }

  private check(at: number): void {
    const total = this.totalW(at);
    this.peakW = Math.max(this.peakW, total);
    if (total > this.budgetW + 1)
      this.violations.push(`${total} W in force at ${at}, budget ${this.budgetW} W`);
  }

  private model(chargerId: string): ChargerModel {
    let model = this.chargers.get(chargerId);
    if (model === undefined) {
      model = { tx: undefined, defaultW: undefined };
      this.chargers.set(chargerId, model);
    }
    return model;
  }
}

/** The profile's validTo (what the charger enforces), else the command's expiry, else forever. */
function validTo(command: ProfileCommand): number {
  const body = command.payload as {
    csChargingProfiles?: { validTo?: string };
    chargingProfile?: { validTo?: string };
  };
  const at = (body.csChargingProfiles ?? body.chargingProfile)?.validTo ?? command.expiresAt;
  return at === undefined ? Number.POSITIVE_INFINITY : Date.parse(at);
}
