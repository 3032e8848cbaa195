import { describe, expect, it } from "vitest";
import { LeaseClock } from "./lease-clock.js";

describe("LeaseClock", () => {
  it("holds from the request until ttl minus the safety margin, by the clock passed in", () => {
    const lease = new LeaseClock(1_500, 300);
    expect(lease.holds(0)).toBe(false);
    lease.granted(1_000);
    expect(lease.holds(1_000)).toBe(true);
    expect(lease.holds(2_199)).toBe(true);
    expect(lease.holds(2_200)).toBe(false);
    expect(lease.remainingMs(2_000)).toBe(200);
  });

  it("counts a renewal from when it was requested, however late the answer came", () => {
    const lease = new LeaseClock(1_000, 200);
    lease.granted(0);
    // Renewal sent at 700, answered at 1 500 (a slow Redis): valid until 700 + 800, not 1 500 + 800.
    lease.granted(700);
    expect(lease.holds(1_499)).toBe(true);
    expect(lease.holds(1_500)).toBe(false);
  });

  it("never moves backwards on a late answer to an older request", () => {
    const lease = new LeaseClock(1_000, 0);
    lease.granted(500);
    lease.granted(100);
    expect(lease.holds(1_400)).toBe(true);
  });

  it("stops holding at once when revoked", () => {
    const lease = new LeaseClock(1_000, 0);
    lease.granted(0);
    lease.revoked();
    expect(lease.holds(1)).toBe(false);
  });
});
