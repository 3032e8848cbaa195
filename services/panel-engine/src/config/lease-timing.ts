import { z } from "zod";

/**
 * How the active/standby pair shares a panel. The leader renews its Redis lease every `leaseRenewMs`;
 * it stops publishing `leaseSafetyMarginMs` before the lease could have expired by its own clock; the
 * standby tries to take the lease every `leaseRenewMs`, so a takeover happens at most
 * `leaseTtlMs + leaseRenewMs` after the leader's last renewal.
 */
export const leaseTiming = {
  /** Lifetime of the Redis lease (SET NX PX); a dead leader's standby takes over after this. */
  leaseTtlMs: z.int().min(300).max(60_000).default(1_500),
  /** Renewal period of the leader, and how often a standby tries to take a free lease. */
  leaseRenewMs: z.int().min(50).default(250),
  /** The leader stops publishing this long before its lease could expire (clock drift, slow Redis). */
  leaseSafetyMarginMs: z.int().min(0).default(300),
};

export interface LeaseTiming {
  leaseTtlMs: number;
  leaseRenewMs: number;
  leaseSafetyMarginMs: number;
}

/** A renewal must fit at least twice in the part of the lease the leader may publish in. */
export function leaseTimingIssues(timing: LeaseTiming): { path: (string | number)[]; message: string }[] {
  const usable = timing.leaseTtlMs - timing.leaseSafetyMarginMs;
  if (timing.leaseRenewMs * 2 <= usable) return [];
  return [
    {
      path: ["timing", "leaseRenewMs"],
      message: `must be at most half of leaseTtlMs - leaseSafetyMarginMs (${Math.floor(usable / 2)})`,
    },
  ];
}
