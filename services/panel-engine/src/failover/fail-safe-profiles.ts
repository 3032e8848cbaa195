import type { CommandResult, ProfileCommand } from "@smart-charge/contracts";
import type { PanelEngineConfig } from "../config/config-schema.js";
import { failSafeCommand, failSafeLimitW } from "../core/fail-safe-command.js";
import type { FailoverStore } from "./failover-store.js";

/**
 * Sends each charger its fail-safe TxDefaultProfile once: the first time the leader sees the charger
 * (a session event), unless the store says it was sent at the same limit already, so a takeover does not
 * resend it to every charger while a new charger, or a changed limit, gets one. A charger that refuses
 * it is forgotten, so it gets another try the next time it is seen.
 */
export class FailSafeProfiles {
  private sent = new Map<string, number>();
  /** messageId of a fail-safe command → its charger, until the bridge answers. */
  private readonly pending = new Map<string, string>();

  constructor(
    private readonly config: PanelEngineConfig,
    private readonly failover: FailoverStore,
  ) {}

  /** Reloads what was sent (a new leader's view of it). */
  async load(): Promise<void> {
    this.sent = await this.failover.failSafeSent();
    this.pending.clear();
  }

  /** The command to publish for this charger now, if it needs one; recorded before it is published. */
  async due(chargerId: string, epoch: number, now: number): Promise<ProfileCommand | undefined> {
    const charger = this.config.chargers.find((c) => c.id === chargerId);
    if (!this.config.failSafe.enabled || charger === undefined) return undefined;
    const limitW = failSafeLimitW(this.config, charger);
    if (this.sent.get(chargerId) === limitW) return undefined;
    await this.failover.recordFailSafe(chargerId, limitW);
    this.sent.set(chargerId, limitW);
    const command = failSafeCommand(this.config, charger, epoch, now);
    this.pending.set(command.messageId, chargerId);
    return command;
  }

  /** True when the result answers a fail-safe command (which the allocation knows nothing about). */
  async onResult(result: CommandResult): Promise<boolean> {
    const chargerId = this.pending.get(result.messageId);
    if (chargerId === undefined) return false;
    this.pending.delete(result.messageId);
    if (result.status !== "Accepted") {
      await this.failover.forgetFailSafe(chargerId);
      this.sent.delete(chargerId);
    }
    return true;
  }
}
