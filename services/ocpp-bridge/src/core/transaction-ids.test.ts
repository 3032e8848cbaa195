import { describe, expect, test } from "vitest";
import { TransactionIds } from "./transaction-ids.js";

describe("OCPP 1.6 transaction ids", () => {
  test("never the start second, never ahead of the clock, unique across a restart in the same second", () => {
    let now = Date.UTC(2025, 2, 14, 9, 30, 0, 400);
    const first = new TransactionIds(() => now);
    const a = first.reserve();
    const b = first.reserve();
    expect(b.id).toBe(a.id + 1);
    expect(a.readyAt).toBe(Date.UTC(2025, 2, 14, 9, 30, 1));
    now = a.readyAt + 100; // the process dies after handing out `a`; a new one starts
    const second = new TransactionIds(() => now);
    expect(second.reserve().id).toBeGreaterThan(a.id);
  });

  test("an id is a second since 2020 and fits a signed 32-bit integer for decades", () => {
    const ids = new TransactionIds(() => Date.UTC(2080, 0, 1));
    expect(ids.reserve().id).toBeLessThan(2 ** 31);
  });
});
