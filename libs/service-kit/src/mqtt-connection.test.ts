import { startEmbeddedBroker } from "@smart-charge/embedded-broker";
import { describe, expect, it } from "vitest";
import type { MqttClient } from "mqtt";
import { connectNow, createMqttClient, mqttOptions } from "./mqtt-connection.js";

const next = (client: MqttClient, event: "connect" | "close") =>
  new Promise<void>((resolve) => client.once(event, () => resolve()));

describe("MQTT connection", () => {
  it("reconnects by itself when the broker comes back, and not after end()", async () => {
    const first = await startEmbeddedBroker();
    const client = createMqttClient({ url: first.url, protocolVersion: 4 }, `kit-test-${process.pid}`);
    await connectNow(client);
    const closed = next(client, "close");
    await first.close();
    await closed;
    const again = await startEmbeddedBroker({ port: first.port });
    try {
      await next(client, "connect");
      expect(client.connected).toBe(true);
      await client.endAsync();
      expect(client.disconnected).toBe(true);
    } finally {
      await again.close();
    }
  });

  it("fails start-up loudly when nothing answers", async () => {
    const broker = await startEmbeddedBroker();
    await broker.close();
    const client = createMqttClient({ url: broker.url, protocolVersion: 4 }, `kit-test-${process.pid}-2`);
    await expect(connectNow(client)).rejects.toThrow();
  });

  it("keeps mqtt.js's packet trace off unless DEBUG is set", () => {
    const saved = process.env["DEBUG"];
    try {
      delete process.env["DEBUG"];
      expect(mqttOptions({ url: "mqtt://x", protocolVersion: 4 }, "id").log).toBeTypeOf("function");
      process.env["DEBUG"] = "mqttjs*";
      expect(mqttOptions({ url: "mqtt://x", protocolVersion: 4 }, "id")).not.toHaveProperty("log");
    } finally {
      if (saved === undefined) delete process.env["DEBUG"];
      else process.env["DEBUG"] = saved;
    }
  });

  it("keeps the session after a disconnect on MQTT 5 too (3.1.1 keeps it by itself)", () => {
    const v5 = mqttOptions({ url: "mqtt://x", protocolVersion: 5 }, "id");
    expect(v5.properties?.sessionExpiryInterval).toBe(86_400);
    expect(mqttOptions({ url: "mqtt://x", protocolVersion: 4 }, "id")).not.toHaveProperty("properties");
    const oneOff = mqttOptions({ url: "mqtt://x", protocolVersion: 5 }, "id", { persistent: false });
    expect(oneOff.clean).toBe(true);
    expect(oneOff).not.toHaveProperty("properties");
  });
});
