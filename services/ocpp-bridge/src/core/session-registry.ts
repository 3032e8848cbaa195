/**
 * Which transaction runs on which connector/EVSE of each charger. OCPP 1.6 StopTransaction and 2.x
 * TransactionEvent(Ended) need not name the connector, but the contract's `stopped` event does, and 1.6
 * MeterValues may omit the transaction. Kept per charger id, not per connection: a charger that reconnects
 * mid-transaction carries on with the same sessions.
 */
export class SessionRegistry {
  private readonly byCharger = new Map<string, Map<string, number>>();

  start(chargerId: string, transactionId: string, connectorId: number): void {
    const sessions = this.byCharger.get(chargerId) ?? new Map<string, number>();
    sessions.set(transactionId, connectorId);
    this.byCharger.set(chargerId, sessions);
  }

  /** Forgets the transaction and returns its connector, if it was known. */
  stop(chargerId: string, transactionId: string): number | undefined {
    const sessions = this.byCharger.get(chargerId);
    const connectorId = sessions?.get(transactionId);
    sessions?.delete(transactionId);
    return connectorId;
  }

  connectorOf(chargerId: string, transactionId: string): number | undefined {
    return this.byCharger.get(chargerId)?.get(transactionId);
  }

  transactionOn(chargerId: string, connectorId: number): string | undefined {
    for (const [transactionId, on] of this.byCharger.get(chargerId) ?? []) {
      if (on === connectorId) return transactionId;
    }
    return undefined;
  }

  count(): number {
    let total = 0;
    for (const sessions of this.byCharger.values()) total += sessions.size;
    return total;
  }
}
