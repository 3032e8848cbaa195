import { join } from "node:path";
import { configErrorField } from "@smart-charge/service-kit";
import { describe, expect, test } from "vitest";
import { loadConfigFile, parseConfig } from "./load-config.js";

const example = join(import.meta.dirname, "..", "..", "examples", "panel-a.json");

const fieldOf = configErrorField;

describe("panel-engine configuration", () => {
  test("the example file is valid and fills in defaults", () => {
    const config = loadConfigFile(example, {});
    expect(config.panel).toBe("panel-a");
    expect(config.timing).toEqual({
      recomputeIntervalMs: 10_000,
      profileTtlS: 600,
      raiseHoldMs: 15_000,
      statusMinIntervalMs: 250,
      leaseTtlMs: 1_500,
      leaseRenewMs: 250,
      leaseSafetyMarginMs: 300,
    });
    expect(config.chargers[0]?.ocppVersion).toBe("1.6");
  });

  test("environment overrides addresses and credentials", () => {
    const config = loadConfigFile(example, {
      MQTT_URL: "mqtts://broker:8883",
      MQTT_PASSWORD: "s3cret",
      REDIS_URL: "redis://r:6379",
      HTTP_PORT: "9100",
    });
    expect([config.mqtt.url, config.mqtt.password, config.redis?.url, config.http.port]).toEqual([
      "mqtts://broker:8883",
      "s3cret",
      "redis://r:6379",
      9100,
    ]);
  });

  const base = loadConfigFile(example, {});
  test.each([
    ["a safe default at the breaker's rating", { safeDefaultBudget: { kw: 50 } }, "safeDefaultBudget.kw"],
    ["a negative breaker rating", { breaker: { kw: -5 } }, "breaker.kw"],
    ["no chargers", { chargers: [] }, "chargers"],
    ["a duplicate charger", { chargers: [{ id: "A" }, { id: "A" }] }, "chargers.1.id"],
    [
      "a wiring that does not match the phases",
      { chargers: [{ id: "A", phases: 1, panelPhases: ["L1", "L2"] }] },
      "chargers.0.panelPhases",
    ],
    ["an unknown strategy", { strategy: "FASTEST" }, "strategy"],
    ["TIME_OF_USE without windows", { strategy: "TIME_OF_USE" }, "timeOfUse"],
    ["a misspelt field", { safteyMarginPct: 5 }, "safteyMarginPct"],
    ["no MQTT address", { mqtt: {} }, "mqtt.url"],
  ])("%s is refused, naming the field", (_, override, field) => {
    expect(fieldOf(() => parseConfig({ ...base, ...override }))).toBe(field);
  });

  test("a file that is not JSON is refused", () => {
    expect(fieldOf(() => loadConfigFile(join(import.meta.dirname, "config-schema.ts"), {}))).toBe("(json)");
  });
});
