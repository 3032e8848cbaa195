import { describe, expect, it } from "vitest";
import { COMMON_OVERRIDES, withEnvironment, type EnvironmentOverride } from "./config-environment.js";

const OVERRIDES: readonly EnvironmentOverride[] = [...COMMON_OVERRIDES, ["INSTANCE_ID", ["instanceId"]]];

describe("withEnvironment", () => {
  it("takes addresses, secrets and ports from the environment, the rest from the file", () => {
    const file = { site: "depot", mqtt: { url: "mqtt://file:1883", clientId: "kept" }, instanceId: "a" };
    const env = { MQTT_URL: "mqtt://env:1883", MQTT_PASSWORD: "secret", HTTP_PORT: "9090", INSTANCE_ID: "b" };
    expect(withEnvironment(file, env, OVERRIDES)).toEqual({
      site: "depot",
      mqtt: { url: "mqtt://env:1883", clientId: "kept", password: "secret" },
      http: { port: 9090 },
      instanceId: "b",
    });
    expect(file.mqtt.url).toBe("mqtt://file:1883"); // the parsed file is not changed
  });

  it("ignores variables that are unset or empty", () => {
    const file = { mqtt: { url: "mqtt://file:1883" } };
    expect(withEnvironment(file, { MQTT_URL: "" }, OVERRIDES)).toEqual(file);
  });
});
