import { describe, expect, test } from "vitest";
import { emptyRecord, recordAccepted, recordSent, settle, type LimitRecord } from "./limit-ledger.js";
import { planCommands, type Target } from "./plan-commands.js";

const threePhase = { phases: 3, panelPhases: ["L1", "L2", "L3"] as const, voltageV: 230 };
const target = (transactionId: string, limitW: number): Target => ({
  transactionId,
  limitW,
  wiring: threePhase,
});

function applied(limitW: number, messageId = `m-${limitW}`): LimitRecord {
  const record = emptyRecord();
  recordSent(record, { messageId, limitW, sentAt: 0 });
  recordAccepted(record, messageId);
  return record;
}

describe("planCommands: reduce before raise", () => {
  test("a new car waits until the others' decreases are confirmed", () => {
    const records = new Map([
      ["a", applied(22_000)],
      ["b", applied(22_000)],
    ]);
    const budget = { totalKw: 44 };
    const first = planCommands(
      [target("a", 14_666), target("b", 14_666), target("c", 14_666)],
      records,
      budget,
      1000,
      60_000,
    );
    expect(first.send.map((c) => [c.transactionId, c.reason])).toEqual([
      ["a", "decrease"],
      ["b", "decrease"],
    ]);
    expect(first.held).toEqual(["c"]);

    for (const c of first.send) {
      const record = records.get(c.transactionId) ?? emptyRecord();
      recordSent(record, { messageId: `d-${c.transactionId}`, limitW: c.limitW, sentAt: 1000 });
      recordAccepted(record, `d-${c.transactionId}`);
    }
    const second = planCommands(
      [target("a", 14_666), target("b", 14_666), target("c", 14_666)],
      records,
      budget,
      1100,
      60_000,
    );
    expect(second.send).toEqual([{ transactionId: "c", limitW: 14_666, reason: "new" }]);
  });

  test("a new car draws its fail-safe until told more: counted, so the others' raises leave room for it", () => {
    const records = new Map([["a", applied(10_000)]]);
    const budget = { totalKw: 20 };
    const withBaseline = { ...target("b", 5_000), baselineW: 4_000 };
    const plan = planCommands([target("a", 15_000), withBaseline], records, budget, 1000, 60_000);
    // b goes from 4 kW to 5 kW (+1 kW) first; a's raise to 15 kW would need 10 + 5 + 5 = 20 kW: it fits.
    expect(plan.send.map((c) => c.transactionId)).toEqual(["b", "a"]);
    const tight = planCommands([target("a", 16_000), withBaseline], records, budget, 1000, 60_000);
    // With b still drawing its 4 kW fail-safe, a cannot go above 16 kW; after b's 5 kW it cannot go to 16.
    expect(tight.send.map((c) => c.transactionId)).toEqual(["b"]);
    expect(tight.held).toEqual(["a"]);
  });

  test("after the hold time an unconfirmed decrease is taken as applied", () => {
    const a = applied(30_000);
    recordSent(a, { messageId: "down", limitW: 10_000, sentAt: 1000 });
    const records = new Map([
      ["a", a],
      ["b", applied(10_000)],
    ]);
    const targets = [target("a", 10_000), target("b", 30_000)];
    expect(planCommands(targets, records, { totalKw: 40 }, 2000, 60_000).held).toEqual(["b"]);
    settle(a, 1000 + 5000, 5000);
    expect(planCommands(targets, records, { totalKw: 40 }, 6000, 60_000).send).toEqual([
      { transactionId: "b", limitW: 30_000, reason: "raise" },
    ]);
  });

  test("nothing is resent unless it changed or is due for a refresh", () => {
    const records = new Map([["a", applied(11_000)]]);
    expect(planCommands([target("a", 11_000)], records, { totalKw: 40 }, 30_000, 60_000).send).toEqual([]);
    expect(planCommands([target("a", 11_000)], records, { totalKw: 40 }, 60_000, 60_000).send).toEqual([
      { transactionId: "a", limitW: 11_000, reason: "refresh" },
    ]);
  });

  test("per-phase current counts too: a raise on a full conductor waits", () => {
    const l1 = { phases: 1, panelPhases: ["L1"] as const, voltageV: 230 };
    const records = new Map([
      ["x", applied(7360)],
      ["y", applied(0)],
    ]);
    const plan = planCommands(
      [
        { transactionId: "x", limitW: 3680, wiring: l1 },
        { transactionId: "y", limitW: 3680, wiring: l1 },
      ],
      records,
      { totalKw: 100, phaseAmps: { L1: 32, L2: 32, L3: 32 } },
      0,
      60_000,
    );
    expect(plan.send.map((c) => c.transactionId)).toEqual(["x"]);
    expect(plan.held).toEqual(["y"]);
  });
});
