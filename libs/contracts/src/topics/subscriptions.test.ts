import { describe, expect, it } from "vitest";
import { topics } from "./build-topic.js";
import { subscriptions, topicMatches, topicPattern } from "./subscriptions.js";

const matchesAny = (patterns: string[], topic: string): boolean =>
  patterns.some((p) => topicMatches(p, topic));

describe("topicMatches", () => {
  it("follows MQTT filter rules", () => {
    expect(topicMatches("a/+/c", "a/b/c")).toBe(true);
    expect(topicMatches("a/+/c", "a/b/d")).toBe(false);
    expect(topicMatches("a/+", "a/b/c")).toBe(false);
    expect(topicMatches("a/#", "a/b/c")).toBe(true);
    expect(topicMatches("a/#", "a")).toBe(true);
    expect(topicMatches("a/b", "a")).toBe(false);
  });
});

describe("subscriptions", () => {
  it("give a panel-engine its own budget and strategy, and every charger's events and results", () => {
    const patterns = subscriptions.panelEngine("site 1", "panel-a");
    expect(matchesAny(patterns, topics.panelBudget("site 1", "panel-a"))).toBe(true);
    expect(matchesAny(patterns, topics.panelBudget("site 1", "panel-b"))).toBe(false);
    expect(matchesAny(patterns, topics.panelBudget("site 2", "panel-a"))).toBe(false);
    expect(matchesAny(patterns, topics.sessionEvent("site 1", "CP/9"))).toBe(true);
    expect(matchesAny(patterns, topics.commandResult("site 1", "CP/9"))).toBe(true);
    expect(matchesAny(patterns, topics.setPanelStrategy("site 1", "panel-a"))).toBe(true);
    expect(matchesAny(patterns, topics.setPanelStrategy("site 1", "panel-b"))).toBe(false);
    expect(matchesAny(patterns, topics.profileCommand("site 1", "CP/9"))).toBe(false);
  });

  it("give a panel-engine that names its chargers only those chargers' events and results", () => {
    const patterns = subscriptions.panelEngine("site 1", "panel-a", ["CP/9", "CP-2"]);
    expect(matchesAny(patterns, topics.sessionEvent("site 1", "CP/9"))).toBe(true);
    expect(matchesAny(patterns, topics.commandResult("site 1", "CP-2"))).toBe(true);
    expect(matchesAny(patterns, topics.sessionEvent("site 1", "CP-3"))).toBe(false);
    expect(matchesAny(patterns, topics.commandResult("site 1", "CP-3"))).toBe(false);
    expect(matchesAny(patterns, topics.panelBudget("site 1", "panel-a"))).toBe(true);
    expect(matchesAny(patterns, topics.setPanelStrategy("site 1", "panel-a"))).toBe(true);
  });

  it("give the site-master every panel's status, the meter and its operator commands", () => {
    const patterns = subscriptions.siteMaster("s");
    expect(matchesAny(patterns, topics.panelStatus("s", "x"))).toBe(true);
    expect(matchesAny(patterns, topics.siteMeter("s"))).toBe(true);
    expect(matchesAny(patterns, topics.setGridLimit("s"))).toBe(true);
    expect(matchesAny(patterns, topics.setSafetyMargin("s"))).toBe(true);
    expect(matchesAny(patterns, topics.setPanelBudgetCap("s", "x"))).toBe(true);
    expect(matchesAny(patterns, topics.setPanelStrategy("s", "x"))).toBe(false);
    expect(matchesAny(patterns, topics.panelBudget("s", "x"))).toBe(false);
  });

  it("give a bridge profile commands only, for the site or one charger", () => {
    expect(subscriptions.bridge("s")).toEqual(["sce/v1/s/chargers/+/commands"]);
    expect(subscriptions.bridge("s", "CP+1")).toEqual(["sce/v1/s/chargers/CP%2B1/commands"]);
    expect(matchesAny(subscriptions.operator("s"), topics.error("s", "bridge-1"))).toBe(true);
  });

  it("escape given ids so they cannot act as wildcards", () => {
    expect(topicPattern("panelBudget", { site: "#", panel: "+" })).toBe("sce/v1/%23/panels/%2B/budget");
  });
});
