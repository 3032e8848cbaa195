import { describe, expect, it } from "vitest";
import { panelKeys } from "./redis-keys.js";

/** The part of a key Redis Cluster hashes: between the first { and the next }. */
function hashTag(key: string): string {
  const open = key.indexOf("{");
  return key.slice(open + 1, key.indexOf("}", open + 1));
}

describe("panelKeys", () => {
  it("puts every key of a panel under one prefix and one hash tag", () => {
    const keys = panelKeys("depot/north", "P{1}");
    const all = [
      keys.sessions,
      keys.session("tx:1"),
      keys.meta,
      keys.commanded,
      keys.acknowledged,
      keys.epoch,
      keys.lease,
      keys.handled,
      keys.failSafe,
    ];
    expect(new Set(all.map(hashTag))).toEqual(new Set(["depot%2Fnorth/P%7B1%7D"]));
    expect(all.every((key) => key.startsWith("sce:v1:{depot%2Fnorth/P%7B1%7D}:"))).toBe(true);
    expect(keys.session("tx:1")).toBe("sce:v1:{depot%2Fnorth/P%7B1%7D}:session:tx%3A1");
  });

  it("gives different panels different keys however their ids are cut", () => {
    const spellings: [string, string][] = [
      ["a/b", "c"],
      ["a", "b/c"],
      ["a:b", "c"],
      ["a", "b:c"],
      ["a}", "b"],
    ];
    const prefixes = spellings.map(([site, panel]) => panelKeys(site, panel).sessions);
    expect(new Set(prefixes).size).toBe(spellings.length);
  });

  it("refuses a prefix that would move the hash tag, and ids that cannot be keys", () => {
    expect(() => panelKeys("s", "p", "tenant{1}:")).toThrow(/must not contain/);
    expect(() => panelKeys("", "p")).toThrow(/site/);
  });
});
