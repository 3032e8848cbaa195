import { setTimeout as delay } from "node:timers/promises";
import { topics } from "@smart-charge/contracts";
import type { ChaosSite } from "./chaos-site.js";
import { CHARGERS } from "./chaos-site.js";

/**
 * A steady flow of session events from the chargers (starts, updates, stops at random), as a busy site
 * produces, until stop(). At least two sessions keep running, so every takeover has profiles to resume.
 */
export class SessionStream {
  private running = true;
  private next = 0;
  private readonly done: Promise<void>;
  sent = 0;

  constructor(
    private readonly site: ChaosSite,
    private readonly everyMs = 40,
    private readonly random: () => number = Math.random,
  ) {
    this.done = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  private async loop(): Promise<void> {
    const { bridge, observer } = this.site;
    while (this.running) {
      const chargerId = CHARGERS[Math.floor(this.random() * CHARGERS.length)] as string;
      const transactionId = observer.sessions.get(chargerId);
      if (transactionId === undefined) {
        this.next += 1;
        const tx = `tx-${this.next}`;
        observer.sessionStarted(chargerId, tx, Date.now());
        await bridge.started(chargerId, tx, { maxHardwarePowerKw: 22 });
      } else if (this.random() < 0.5 || observer.sessions.size <= 2) {
        await bridge.send("sessionEvent", topics.sessionEvent(bridge.site, chargerId), {
          type: "updated",
          chargerId,
          transactionId,
          connectorId: 1,
          ocppVersion: "1.6",
          at: new Date().toISOString(),
          maxEvAcceptancePowerKw: 4 + Math.round(this.random() * 18),
        });
      } else {
        // The car leaves: it draws nothing from now on, whatever profile the charger still holds.
        observer.sessionStopped(chargerId);
        await bridge.stopped(chargerId, transactionId);
      }
      this.sent += 1;
      // Pacing of the simulated site, not synchronisation: nothing waits on this delay.
      await delay(this.everyMs);
    }
  }
}
