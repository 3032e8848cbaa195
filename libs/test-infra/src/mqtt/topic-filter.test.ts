import { describe, expect, it } from "vitest";
import { topicMatchesFilter } from "./topic-filter.js";

describe("topicMatchesFilter", () => {
  it.each([
    ["sce/v1/s1/meter", "sce/v1/s1/meter", true],
    ["sce/v1/s1/meter", "sce/v1/s1/meterx", false],
    ["sce/v1/+/meter", "sce/v1/s1/meter", true],
    ["sce/v1/+/meter", "sce/v1/s1/x/meter", false],
    ["sce/v1/+", "sce/v1/", true],
    ["sce/v1/#", "sce/v1", true],
    ["sce/v1/#", "sce/v1/s1/chargers/CP1/events", true],
    ["sce/v1/#", "sce/v2/s1", false],
    ["sce/v1/s1", "sce/v1/s1/meter", false],
    ["#", "anything/at/all", true],
    ["#", "$SYS/broker/uptime", false],
    ["+/broker/uptime", "$SYS/broker/uptime", false],
    ["$SYS/#", "$SYS/broker/uptime", true],
    ["$share/engines/sce/v1/+/meter", "sce/v1/s1/meter", true],
    ["$share/engines/sce/v1/+/meter", "sce/v1/s1/status", false],
  ])("%s against %s: %s", (filter, topic, expected) => {
    expect(topicMatchesFilter(filter, topic)).toBe(expected);
  });
});
