import { uniqueId } from "@smart-charge/test-infra";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PanelStateStore } from "../panel-state-store.js";
import { describeStoreRaces, type StoreBackend } from "./panel-state-store.races.js";
import { budget, commanded, session, without } from "./state-fixtures.js";

export type { StoreBackend } from "./panel-state-store.races.js";

/** The behaviour every PanelStateStore promises; run once per implementation. */
export function describePanelStateStore(name: string, createBackend: () => Promise<StoreBackend>): void {
  describe(`${name} (PanelStateStore contract)`, () => {
    let backend: StoreBackend;
    let site: string;
    let store: PanelStateStore;
    const panel = "panel-A";

    beforeAll(async () => {
      backend = await createBackend();
    });
    afterAll(() => backend.dispose());
    beforeEach(() => {
      site = uniqueId("site");
      store = backend.open(site, panel);
    });

    it("loads an empty state for a panel it never saw", async () => {
      expect(await store.load()).toEqual({
        sessions: [],
        rotation: {},
        budget: null,
        commanded: [],
        strategy: null,
      });
    });

    it("starts a session once; a second start with the same transactionId changes nothing", async () => {
      expect(await store.startSession(session("tx-1"))).toBe("created");
      expect(await store.startSession(session("tx-1", { priority: 9, maxHardwarePowerKw: 1 }))).toBe(
        "exists",
      );
      expect((await store.load()).sessions).toEqual([session("tx-1")]);
    });

    it("keeps every field exactly, including full-precision numbers and absent caps", async () => {
      const precise = session("tx-p", {
        maxHardwarePowerKw: 0.1 + 0.2,
        maxEvAcceptancePowerKw: 22 / 7,
        addedAt: 1_767_225_600_999,
        panelPhases: ["L2"],
        phases: 1,
        metadata: { note: "ünïcode", nested: { list: [1.5e-7, 2] } },
      });
      const withoutMinimum = without(precise, "minChargeRateKw");
      await store.startSession(withoutMinimum);
      const [loaded] = (await store.load()).sessions;
      expect(loaded).toStrictEqual(withoutMinimum);
    });

    it("merges a patch: values replace, null removes a cap, omitted stays; unknown fields are ignored", async () => {
      await store.startSession(session("tx-1"));
      const patch = { maxEvAcceptancePowerKw: 7.4, maxHardwarePowerKw: null, transactionId: "hijack" };
      const updated = await store.updateSession("tx-1", patch);

      const expected = { ...without(session("tx-1"), "maxHardwarePowerKw"), maxEvAcceptancePowerKw: 7.4 };
      expect(updated).toStrictEqual(expected);
      expect((await store.load()).sessions).toStrictEqual([expected]);
    });

    it("refuses to remove a field every session must have, and changes nothing", async () => {
      await store.startSession(session("tx-1"));
      await expect(store.updateSession("tx-1", { minChargeRateKw: 6, priority: null })).rejects.toThrow(
        /priority cannot be removed/,
      );
      expect((await store.load()).sessions).toEqual([session("tx-1")]);
    });

    it("answers null to an update of an unknown session and does not create it", async () => {
      expect(await store.updateSession("tx-unknown", { priority: 3 })).toBeNull();
      expect((await store.load()).sessions).toEqual([]);
    });

    it("stops a session: returns what was stored, removes it and its commanded limit", async () => {
      await store.startSession(session("tx-1", { priority: 2 }));
      await store.startSession(session("tx-2"));
      await store.saveCommanded([commanded("tx-1", "m-1")]);
      await store.saveCommanded([commanded("tx-2", "m-2")]);

      expect(await store.stopSession("tx-1")).toEqual(session("tx-1", { priority: 2 }));
      expect(await store.stopSession("tx-1")).toBeNull();
      expect(await store.stopSession("tx-never")).toBeNull();
      expect(await store.updateSession("tx-1", { priority: 3 })).toBeNull();
      const state = await store.load();
      expect(state.sessions.map((s) => s.transactionId)).toEqual(["tx-2"]);
      expect(state.commanded.map((c) => c.transactionId)).toEqual(["tx-2"]);
    });

    it("applies a session change carrying a handled mark once: a redelivery changes nothing", async () => {
      const at = Date.now();
      const start = { digest: "start-1", at };
      expect(await store.startSession(session("tx-1"), start)).toBe("created");
      expect(await store.stopSession("tx-1", { digest: "stop-1", at })).toEqual(session("tx-1"));
      // A start delivered again after its stop must not bring the session back.
      expect(await store.startSession(session("tx-1"), start)).toBe("duplicate");
      expect((await store.load()).sessions).toEqual([]);

      await store.startSession(session("tx-2"));
      const update = { digest: "update-1", at };
      expect(await store.updateSession("tx-2", { priority: 4 }, update)).toMatchObject({ priority: 4 });
      await store.updateSession("tx-2", { priority: 6 }, { digest: "update-2", at });
      // An older update delivered again must not undo the newer one.
      expect(await store.updateSession("tx-2", { priority: 4 }, update)).toBe("duplicate");
      expect(await store.stopSession("tx-2", { digest: "stop-1", at })).toBe("duplicate");
      expect((await store.load()).sessions).toEqual([session("tx-2", { priority: 6 })]);
    });

    it("logs a marked event that found no session, so its redelivery is recognised too", async () => {
      const mark = { digest: "update-unknown", at: Date.now() };
      expect(await store.updateSession("tx-unknown", { priority: 3 }, mark)).toBeNull();
      expect(await store.updateSession("tx-unknown", { priority: 3 }, mark)).toBe("duplicate");
    });

    it("writes a session update with its commands and mark in one step, or nothing at all", async () => {
      const at = Date.now();
      await store.startSession(session("tx-1", { priority: 1 }));
      const write = {
        transactionId: "tx-1",
        before: session("tx-1", { priority: 1 }),
        patch: { priority: 3, maxEvAcceptancePowerKw: 11 },
        mark: { digest: "update-1", at },
        limits: [commanded("tx-1", "m-1", { acknowledged: true })],
        rotation: { "tx-1": { active: true, since: at } },
      };
      expect(await store.updateAndCommand(write)).toBe("stored");
      const stored = await store.load();
      expect(stored.sessions).toEqual([session("tx-1", { priority: 3, maxEvAcceptancePowerKw: 11 })]);
      expect(stored.commanded).toEqual([commanded("tx-1", "m-1", { acknowledged: true })]);
      expect(stored.rotation).toEqual(write.rotation);

      // Delivered again: nothing changes, not even the limits it came with.
      const again = { ...write, patch: { priority: 9 }, limits: [commanded("tx-1", "m-2")] };
      expect(await store.updateAndCommand(again)).toBe("duplicate");
      const missing = { ...write, transactionId: "tx-gone", mark: { digest: "update-2", at } };
      expect(await store.updateAndCommand(missing)).toBe("missing");
      // The caller's copy is behind the store (a write it does not know of): nothing is written.
      const behind = { ...write, mark: { digest: "update-3", at }, patch: { priority: 5 } };
      expect(await store.updateAndCommand(behind)).toBe("stale");
      expect(await store.load()).toEqual(stored);
      // "missing" logged nothing: the engine handles the event again on its slower path.
      expect(await store.updateSession("tx-gone", { priority: 1 }, missing.mark)).toBeNull();
    });

    it("saves the rotation, replacing the previous one", async () => {
      await store.saveCommanded([], {
        "tx-1": { active: true, since: 1 },
        "tx-2": { active: false, since: 2 },
      });
      await store.saveCommanded([], { "tx-2": { active: true, since: 1_767_225_600_789 } });
      expect((await store.load()).rotation).toEqual({ "tx-2": { active: true, since: 1_767_225_600_789 } });
    });

    it("stores a budget only when its sequence is higher than the stored one", async () => {
      expect(await store.saveBudget(budget(site, panel, 5, 50))).toBe(true);
      expect(await store.saveBudget(budget(site, panel, 4, 99))).toBe(false);
      expect(await store.saveBudget(budget(site, panel, 5, 98))).toBe(false);
      expect((await store.load()).budget).toEqual(budget(site, panel, 5, 50));
      expect(await store.saveBudget(budget(site, panel, 6, 40.5))).toBe(true);
      expect((await store.load()).budget).toEqual(budget(site, panel, 6, 40.5));
    });

    it("refuses a budget sequence it cannot compare exactly", async () => {
      await expect(store.saveBudget(budget(site, panel, 2 ** 53))).rejects.toThrow(RangeError);
      await expect(store.saveBudget(budget(site, panel, -1))).rejects.toThrow(RangeError);
      expect((await store.load()).budget).toBeNull();
    });

    it("acknowledges a command only while it is the latest for its session", async () => {
      await store.saveCommanded([commanded("tx-1", "m-1")]);
      await store.acknowledgeCommand("tx-1", "m-0");
      await store.acknowledgeCommand("tx-unknown", "m-1");
      expect((await store.load()).commanded).toEqual([commanded("tx-1", "m-1")]);

      await store.acknowledgeCommand("tx-1", "m-1");
      expect((await store.load()).commanded).toEqual([commanded("tx-1", "m-1", { acknowledged: true })]);

      await store.saveCommanded([commanded("tx-1", "m-2", { limitW: 3680 })]);
      await store.acknowledgeCommand("tx-1", "m-1");
      expect((await store.load()).commanded).toEqual([commanded("tx-1", "m-2", { limitW: 3680 })]);

      await store.saveCommanded([commanded("tx-1", "m-3", { acknowledged: true })]);
      expect((await store.load()).commanded).toEqual([commanded("tx-1", "m-3", { acknowledged: true })]);
    });

    it("hands out strictly increasing epochs across two instances of one panel", async () => {
      const other = backend.open(site, panel);
      const first = await store.nextEpoch();
      const second = await other.nextEpoch();
      const third = await store.nextEpoch();
      expect(first).toBeLessThan(second);
      expect(second).toBeLessThan(third);

      const concurrent = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).nextEpoch()),
      );
      expect(new Set(concurrent).size).toBe(20);
      expect(Math.min(...concurrent)).toBeGreaterThan(third);
    });

    it("loads everything that was saved, sessions oldest first", async () => {
      await store.startSession(session("tx-b", { addedAt: 2_000 }));
      await store.startSession(session("tx-a", { addedAt: 3_000 }));
      await store.startSession(session("tx-c", { addedAt: 1_000 }));
      await store.saveCommanded([], { "tx-a": { active: true, since: 5 } });
      await store.saveBudget(budget(site, panel, 1));
      await store.saveCommanded([commanded("tx-b", "m-b")]);
      await store.saveCommanded([commanded("tx-a", "m-a", { acknowledged: true })]);
      await store.saveStrategy({ kind: "PRIORITY", strictTiers: true });

      const reopened = backend.open(site, panel);
      expect(await reopened.load()).toEqual({
        sessions: [
          session("tx-c", { addedAt: 1_000 }),
          session("tx-b", { addedAt: 2_000 }),
          session("tx-a", { addedAt: 3_000 }),
        ],
        rotation: { "tx-a": { active: true, since: 5 } },
        budget: budget(site, panel, 1),
        commanded: [commanded("tx-a", "m-a", { acknowledged: true }), commanded("tx-b", "m-b")],
        strategy: { kind: "PRIORITY", strictTiers: true },
      });
    });

    it("saves the limits of one recompute and the new rotation in one write", async () => {
      await store.saveCommanded(
        [commanded("tx-1", "m-1"), commanded("tx-2", "m-2", { acknowledged: true })],
        { "tx-1": { active: true, since: 7 } },
      );
      const state = await store.load();
      expect(state.commanded).toEqual([
        commanded("tx-1", "m-1"),
        commanded("tx-2", "m-2", { acknowledged: true }),
      ]);
      expect(state.rotation).toEqual({ "tx-1": { active: true, since: 7 } });
      expect(state.strategy).toBeNull();
    });

    it("keeps panels apart, even when ids contain separators", async () => {
      const pairs: [string, string][] = [
        [site, panel],
        [site, "panel-B"],
        [`${site}:x`, "y"],
        [site, "x:y"],
        [`${site}/x`, "y}"],
        [site, "x/y}"],
      ];
      const stores = pairs.map(([s, p]) => backend.open(s, p));
      await Promise.all(stores.map((each, i) => each.startSession(session(`tx-${i}`))));
      await Promise.all(stores.map((each, i) => each.saveBudget(budget(site, panel, 10 + i))));

      for (const [i, each] of stores.entries()) {
        const state = await each.load();
        expect(state.sessions.map((s) => s.transactionId)).toEqual([`tx-${i}`]);
        expect(state.budget?.sequence).toBe(10 + i);
      }
    });

    describeStoreRaces(() => ({ backend, site, panel, store }));
  });
}
