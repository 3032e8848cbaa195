import { describe, expect, it } from "vitest";
import { InMemoryPanelStateStore } from "./in-memory-panel-state-store.js";
import { InMemoryStateSpace } from "./in-memory-state-space.js";
import { describePanelStateStore } from "./test-support/panel-state-store.contract.js";
import { session } from "./test-support/state-fixtures.js";

describePanelStateStore("InMemoryPanelStateStore", async () => {
  const space = new InMemoryStateSpace();
  return {
    open: (site, panel) => new InMemoryPanelStateStore({ site, panel, space }),
    dispose: async () => undefined,
  };
});

describe("InMemoryPanelStateStore", () => {
  it("keeps its state private unless given a shared space", async () => {
    const first = new InMemoryPanelStateStore({ site: "s", panel: "p" });
    await first.startSession(session("tx-1"));
    expect((await new InMemoryPanelStateStore({ site: "s", panel: "p" }).load()).sessions).toEqual([]);
  });

  it("hands out copies: changing a loaded session does not change the store", async () => {
    const store = new InMemoryPanelStateStore({ site: "s", panel: "p" });
    const started = session("tx-1");
    await store.startSession(started);
    started.priority = 42;
    const [loaded] = (await store.load()).sessions;
    if (loaded === undefined) throw new Error("session missing");
    loaded.priority = 43;
    expect((await store.load()).sessions).toEqual([session("tx-1")]);
  });
});
