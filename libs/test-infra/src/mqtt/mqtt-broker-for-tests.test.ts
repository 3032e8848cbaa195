import { describe, expect, it } from "vitest";
import { dockerEngineHint } from "../docker/docker-engine.js";
import { locateService } from "../shared/locate-service.js";
import { closedPort } from "../test-support/unused-ports.js";
import { uniqueId } from "../unique-id.js";
import { connectClient, endClient } from "./connect-client.js";
import { recordMessages } from "./message-recorder.js";
import { startMosquittoContainer } from "./mosquitto-container.js";
import { mosquittoSearch, mqttBrokerForTests } from "./mqtt-broker-for-tests.js";

async function roundTrip(url: string): Promise<string> {
  const client = await connectClient(url);
  try {
    const topic = `${uniqueId("test-infra")}/ping`;
    const recorder = await recordMessages(client, topic);
    await client.publishAsync(topic, "pong", { qos: 1 });
    return (await recorder.waitFor()).text;
  } finally {
    await endClient(client);
  }
}

describe("mqttBrokerForTests", () => {
  it("finds Mosquitto (MQTT_URL, the local one or a container) that relays messages", async () => {
    const broker = await mqttBrokerForTests("mosquitto");
    expect(["env", "local", "container"]).toContain(broker.source);
    if (process.env["MQTT_URL"] === undefined) expect(broker.source).not.toBe("env");
    expect(await roundTrip(broker.url)).toBe("pong");
    await broker.stop();
  });

  it("starts a fresh embedded aedes broker per call and stops it", async () => {
    const [first, second] = await Promise.all([mqttBrokerForTests("aedes"), mqttBrokerForTests("aedes")]);
    expect(first.source).toBe("embedded");
    expect(first.url).not.toBe(second.url);
    expect(await roundTrip(first.url)).toBe("pong");

    await Promise.all([first.stop(), second.stop()]);
    await expect(connectClient(first.url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("explains every way to get an MQTT broker when there is none", async () => {
    const localUrl = `mqtt://127.0.0.1:${await closedPort()}`;
    const search = locateService(mosquittoSearch({ env: {}, localUrl, dockerEngine: () => null }));
    await expect(search).rejects.toThrow(/MQTT_URL is not set/);
    await expect(search).rejects.toThrow(/start one locally: mosquitto -d/);
    await expect(search).rejects.toThrow(/testcontainers can start eclipse-mosquitto:2/);
  });

  it("does not fall back when MQTT_URL is wrong", async () => {
    const url = `mqtt://127.0.0.1:${await closedPort()}`;
    const search = locateService(mosquittoSearch({ env: { MQTT_URL: url }, dockerEngine: () => null }));
    await expect(search).rejects.toThrow(
      /^MQTT_URL=mqtt:\/\/127\.0\.0\.1:\d+ is set, but no usable MQTT broker/,
    );
  });
});

// Runs where a Docker engine is available (CI with Docker); this machine has none.
describe.skipIf(dockerEngineHint() === null)("the Mosquitto container", () => {
  it("starts eclipse-mosquitto:2 accepting anonymous clients from the host", async () => {
    const container = await startMosquittoContainer();
    try {
      expect(await roundTrip(container.url)).toBe("pong");
    } finally {
      await container.stop();
    }
  }, 180_000);
});
