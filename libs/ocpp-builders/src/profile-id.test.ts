import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fnv1a32, stableProfileId } from "./profile-id.js";
import { errorField } from "./test-support/assertions.js";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("fnv1a32", () => {
  // Reference vectors of 32-bit FNV-1a, so a bridge in another language can check its port.
  it.each([
    ["", 0x811c9dc5],
    ["a", 0xe40c292c],
    ["foobar", 0xbf9cf968],
  ])("hashes %j to the reference value", (text, expected) => {
    expect(fnv1a32(encode(text))).toBe(expected);
  });
});

describe("stableProfileId", () => {
  const slot = { clientId: "CP-001", target: 1, purpose: "TxProfile", stackLevel: 0 };

  it("is the same for the same slot on every call", () => {
    expect(stableProfileId(slot)).toBe(stableProfileId({ ...slot }));
  });

  it("matches the reference id a port must reproduce", () => {
    expect(stableProfileId(slot)).toBe(606981864);
  });

  it("is FNV-1a of the JSON tuple, masked to 31 bits", () => {
    const expected = fnv1a32(encode(JSON.stringify(["CP-001", 1, "TxProfile", 0]))) & 0x7fffffff;
    expect(stableProfileId(slot)).toBe(expected);
  });

  it("differs when any part of the slot differs", () => {
    const ids = new Set([
      stableProfileId(slot),
      stableProfileId({ ...slot, clientId: "CP-002" }),
      stableProfileId({ ...slot, target: 2 }),
      stableProfileId({ ...slot, purpose: "TxDefaultProfile" }),
      stableProfileId({ ...slot, stackLevel: 1 }),
    ]);
    expect(ids.size).toBe(5);
  });

  it("does not confuse tuples whose concatenation is equal", () => {
    expect(stableProfileId({ ...slot, clientId: "CP-1", target: 11 })).not.toBe(
      stableProfileId({ ...slot, clientId: "CP-11", target: 1 }),
    );
  });

  it("gives positive 32-bit ids without collisions across a large site", () => {
    const purposes = ["ChargePointMaxProfile", "TxDefaultProfile", "TxProfile", "ChargingStationMaxProfile"];
    const ids = new Set<number>();
    let count = 0;
    for (let charger = 0; charger < 50; charger += 1) {
      for (let target = 0; target <= 10; target += 1) {
        for (const purpose of purposes) {
          for (let stackLevel = 0; stackLevel <= 5; stackLevel += 1) {
            const id = stableProfileId({ clientId: `CP-${charger}`, target, purpose, stackLevel });
            expect(Number.isInteger(id) && id >= 1 && id <= 0x7fffffff).toBe(true);
            ids.add(id);
            count += 1;
          }
        }
      }
    }
    expect(ids.size).toBe(count);
  });

  it("rejects a negative target or stack level", () => {
    expect(errorField(() => stableProfileId({ ...slot, target: -1 }))).toBe("connectorId");
    expect(errorField(() => stableProfileId({ ...slot, stackLevel: 0.5 }))).toBe("stackLevel");
  });
});

describe("stableProfileId hashes the UTF-8 of its JSON key, as TextEncoder encodes it", () => {
  /** The documented algorithm, spelled out with TextEncoder as a bridge would port it. */
  function reference(clientId: string, target: number, purpose: string, stackLevel: number): number {
    const id = fnv1a32(encode(JSON.stringify([clientId, target, purpose, stackLevel]))) & 0x7fffffff;
    return id === 0 ? 1 : id;
  }

  it("for any client id, including multi-byte characters, surrogate pairs and lone surrogates", () => {
    for (const clientId of [
      "CP-001",
      "",
      'q"uote\\',
      "ctl\u0001\n",
      "é",
      "日本",
      "😀",
      "\ud800",
      "x\udc00",
      "\u07ff\u0800\uffff",
    ]) {
      expect(stableProfileId({ clientId, target: 1, purpose: "TxProfile", stackLevel: 0 })).toBe(
        reference(clientId, 1, "TxProfile", 0),
      );
    }
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.nat({ max: 2_147_483_647 }),
        fc.string({ unit: "grapheme" }),
        fc.nat({ max: 99 }),
        (clientId, target, purpose, stackLevel) => {
          expect(stableProfileId({ clientId, target, purpose, stackLevel })).toBe(
            reference(clientId, target, purpose, stackLevel),
          );
        },
      ),
      { numRuns: 2000 },
    );
    // 2000 random strings take about a second here, several on a machine busy with other test files.
  }, 20_000);
});
