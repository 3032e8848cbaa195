import { expect, describe, it } from "vitest";
import type { PanelStateStore, SessionPatch } from "../panel-state-store.js";
import { budget, session } from "./state-fixtures.js";

/** Where the stores under test keep their state: one Redis, or one in-memory space. */
export interface StoreBackend {
  /** A store for this panel, as a separate engine process would open it (for Redis: its own connection). */
  open(site: string, panel: string): PanelStateStore;
  /** Releases everything open() created. */
  dispose(): Promise<void>;
}

/** What the current test of the contract suite works on; a fresh site per test. */
export interface RaceContext {
  backend: StoreBackend;
  site: string;
  panel: string;
  store: PanelStateStore;
}

/**
 * "Every method is atomic on its own": racing calls from separate instances (separate connections for
 * Redis, so they really interleave on the server) must end as if they had run one after the other.
 */
export function describeStoreRaces(current: () => RaceContext): void {
  describe("under concurrency", () => {
    it("loses none of 50 concurrent updates to different fields and sessions", async () => {
      const { backend, site, panel, store } = current();
      const instances = Array.from({ length: 5 }, () => backend.open(site, panel));
      const ids = Array.from({ length: 10 }, (_, i) => `tx-${i}`);
      await Promise.all(ids.map((id) => store.startSession(session(id))));

      const patches = (i: number): SessionPatch[] => [
        { maxHardwarePowerKw: 10 + i },
        { maxEvAcceptancePowerKw: 20 + i },
        { minChargeRateKw: 1 + i / 10 },
        { priority: 100 + i },
        { connectorId: 2 + i },
      ];
      const updates = ids.flatMap((id, i) => patches(i).map((patch) => ({ id, patch })));
      expect(updates).toHaveLength(50);
      const results = await Promise.all(
        updates.map(({ id, patch }, n) =>
          (instances[n % instances.length] as PanelStateStore).updateSession(id, patch),
        ),
      );
      expect(results.every((result) => result !== null)).toBe(true);

      const { sessions } = await store.load();
      expect(sessions).toHaveLength(10);
      for (const [i, id] of ids.entries()) {
        const merged = Object.assign(session(id), ...patches(i)) as object;
        expect(sessions.find((s) => s.transactionId === id)).toEqual(merged);
      }
    });

    it("never resurrects a session that an update raced with its stop", async () => {
      const { backend, site, panel, store } = current();
      const [a, b] = [backend.open(site, panel), backend.open(site, panel)];
      const ids = Array.from({ length: 20 }, (_, i) => `tx-${i}`);
      await Promise.all(ids.map((id) => store.startSession(session(id))));
      await Promise.all(ids.flatMap((id) => [a.updateSession(id, { priority: 7 }), b.stopSession(id)]));

      expect((await store.load()).sessions).toEqual([]);
      const afterwards = await Promise.all(ids.map((id) => store.updateSession(id, { priority: 8 })));
      expect(afterwards.every((result) => result === null)).toBe(true);
    });

    it("creates a session exactly once when instances race to start it", async () => {
      const { backend, site, panel, store } = current();
      const instances = Array.from({ length: 5 }, () => backend.open(site, panel));
      const outcomes = await Promise.all(
        instances.map((each, i) => each.startSession(session("tx-race", { priority: i }))),
      );
      expect(outcomes.filter((outcome) => outcome === "created")).toHaveLength(1);
      const winner = outcomes.indexOf("created");
      expect((await store.load()).sessions).toEqual([session("tx-race", { priority: winner })]);
    });

    it("ends with the highest budget whatever order racing saves arrive in", async () => {
      const { backend, site, panel, store } = current();
      const instances = Array.from({ length: 4 }, () => backend.open(site, panel));
      const sequences = [7, 3, 19, 1, 12, 20, 5, 16, 2, 11, 18, 9, 4, 14, 6, 17, 10, 13, 8, 15];
      await Promise.all(
        sequences.map((sequence, n) =>
          (instances[n % 4] as PanelStateStore).saveBudget(budget(site, panel, sequence, sequence)),
        ),
      );
      expect((await store.load()).budget).toEqual(budget(site, panel, 20, 20));
    });
  });
}
