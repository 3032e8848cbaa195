import { join } from "node:path";
import { configErrorField } from "@smart-charge/service-kit";
import { describe, expect, test } from "vitest";
import { loadConfigFile, parseConfig } from "./load-config.js";

const example = join(import.meta.dirname, "..", "..", "examples", "bridge.json");

const fieldOf = configErrorField;

describe("ocpp-bridge configuration", () => {
  test("the example file is valid and fills in defaults", () => {
    const config = loadConfigFile(example, {});
    expect(config.chargers.map((c) => c.id)).toEqual(["CP-001", "CP-002", "CP-003"]);
    expect(config.mqtt.protocolVersion).toBe(4);
  });

  test("environment overrides addresses and credentials", () => {
    const config = loadConfigFile(example, {
      MQTT_URL: "mqtts://broker:8883",
      MQTT_PASSWORD: "s3cret",
      OCPP_PORT: "9100",
      HTTP_PORT: "9101",
    });
    expect(config.mqtt).toMatchObject({ url: "mqtts://broker:8883", password: "s3cret" });
    expect(config.ocpp.port).toBe(9100);
    expect(config.http.port).toBe(9101);
  });

  test("a wrong field stops start-up and is named", () => {
    const base = {
      site: "s",
      chargers: [{ id: "CP-1" }],
      failSafe: { limitKw: 4 },
      mqtt: { url: "mqtt://x" },
    };
    expect(parseConfig(base).ocpp).toEqual({
      host: "0.0.0.0",
      port: 9000,
      callTimeoutMs: 30_000,
      heartbeatIntervalS: 300,
    });
    expect(fieldOf(() => parseConfig({ ...base, failSafe: { limitKw: -1 } }))).toBe("failSafe.limitKw");
    expect(fieldOf(() => parseConfig({ ...base, chargers: [{ id: "CP-1" }, { id: "CP-1" }] }))).toBe(
      "chargers.1.id",
    );
    expect(
      fieldOf(() =>
        parseConfig({ ...base, chargers: [{ id: "CP-1", phases: 1, panelPhases: ["L1", "L2"] }] }),
      ),
    ).toBe("chargers.0.panelPhases");
    expect(fieldOf(() => parseConfig({ ...base, chargers: [{ id: "CP-1", maxHardwarePowerKw: -3 }] }))).toBe(
      "chargers.0.maxHardwarePowerKw",
    );
    expect(fieldOf(() => parseConfig({ ...base, ocpp: { prot: 1 } }))).toBe("ocpp.prot");
    expect(fieldOf(() => parseConfig({ ...base, chargers: [] }))).toBe("chargers");
    expect(fieldOf(() => loadConfigFile("/nonexistent/bridge.json"))).toBe("(file)");
  });
});
