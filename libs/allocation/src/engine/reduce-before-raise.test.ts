import { describe, expect, test } from "vitest";
import { SmartChargingEngine, type DispatchPayload } from "../index.js";

/** A dispatcher that plays a site's chargers: it records the limit in force at each one, in order. */
function chargers(reject: (p: DispatchPayload) => boolean = () => false) {
  const inForce = new Map<string, number>();
  const order: string[] = [];
  const peaks: number[] = [];
  const dispatcher = async (p: DispatchPayload) => {
    if (reject(p)) throw new Error("Rejected");
    order.push(`${p.clientId}:${p.sessionProfile.allocatedW}`);
    inForce.set(p.clientId, p.sessionProfile.allocatedW);
    peaks.push([...inForce.values()].reduce((a, b) => a + b, 0));
  };
  return { dispatcher, inForce, order, peaks };
}

describe("reduce before raise", () => {
  test("when a new car arrives, the others are lowered before anyone is raised", async () => {
    const site = chargers();
    const engine = new SmartChargingEngine({
      siteId: "S",
      maxGridPowerKw: 44,
      safetyMarginPct: 0,
      dispatcher: site.dispatcher,
    });
    engine.addSession({ transactionId: 1, clientId: "A", maxHardwarePowerKw: 22 });
    engine.addSession({ transactionId: 2, clientId: "B", maxHardwarePowerKw: 22 });
    await engine.dispatch();
    engine.addSession({ transactionId: 3, clientId: "C", maxHardwarePowerKw: 22 });
    engine.updateSession(1, { maxHardwarePowerKw: 4 });
    await engine.dispatch();
    // A drops to 4 kW, B from 22 to 20 kW, C starts at 20 kW: never more than 44 kW in force.
    expect(site.peaks.every((total) => total <= 44_000)).toBe(true);
    expect(site.inForce).toEqual(
      new Map([
        ["A", 4000],
        ["B", 20000],
        ["C", 20000],
      ]),
    );
  });

  test("a raise waits while a decrease it depends on is not confirmed", async () => {
    let aRejects = false;
    const site = chargers((p) => aRejects && p.clientId === "A");
    const engine = new SmartChargingEngine({
      siteId: "S",
      maxGridPowerKw: 30,
      safetyMarginPct: 0,
      dispatcher: site.dispatcher,
    });
    engine.addSession({ transactionId: 1, clientId: "A" });
    engine.addSession({ transactionId: 2, clientId: "B", maxHardwarePowerKw: 10 });
    await engine.dispatch(); // A 20 kW, B 10 kW
    engine.updateSession(2, { maxHardwarePowerKw: undefined, priority: 3 });
    engine.setAlgorithm("PRIORITY");
    aRejects = true;
    const held: number[] = [];
    engine.on("raisesHeld", (profiles) => held.push(...profiles.map((p) => p.allocatedW)));
    await engine.dispatch(); // A should drop to 7.5 kW, B rise to 22.5 kW; A's charger refuses
    expect(held).toEqual([22500]);
    expect(site.inForce).toEqual(
      new Map([
        ["A", 20000],
        ["B", 10000],
      ]),
    );
  });
});
