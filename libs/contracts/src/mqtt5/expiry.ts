/**
 * MQTT 3.1.1 has no message expiry, so expiry travels in the JSON and every receiver checks it. A command
 * that reaches a bridge after a long broker outage must not be sent: the allocation it belonged to is gone.
 */
export function isExpired(message: { expiresAt?: string | undefined }, now: Date | number): boolean {
  if (message.expiresAt === undefined) return false;
  return Date.parse(message.expiresAt) <= (typeof now === "number" ? now : now.getTime());
}

/** Whole seconds left before `expiresAt`, rounded up; 0 or less means expired. */
export function secondsUntilExpiry(expiresAt: string, now: Date | number): number {
  return Math.ceil((Date.parse(expiresAt) - (typeof now === "number" ? now : now.getTime())) / 1000);
}
