import { describe, expect, it } from "vitest";
import { closedPort, silentServer } from "../test-support/unused-ports.js";
import { connectClient, endClient } from "./connect-client.js";
import { mqttBrokerForTests } from "./mqtt-broker-for-tests.js";

describe("connectClient", () => {
  it("resolves once the broker accepted the connection, and endClient disconnects", async () => {
    const broker = await mqttBrokerForTests("aedes");
    try {
      const client = await connectClient(broker.url, { clientId: "connect-client-test" });
      expect(client.connected).toBe(true);
      await endClient(client);
      expect(client.connected).toBe(false);
      expect(client.disconnected).toBe(true);
    } finally {
      await broker.stop();
    }
  });

  it("rejects, naming the URL, when nothing listens", async () => {
    const url = `mqtt://127.0.0.1:${await closedPort()}`;
    await expect(connectClient(url)).rejects.toThrow(`MQTT connect to ${url} failed: connect ECONNREFUSED`);
  });

  it("rejects when the server never sends CONNACK", async () => {
    const silent = await silentServer();
    try {
      await expect(connectClient(`mqtt://127.0.0.1:${silent.port}`, { connectTimeout: 200 })).rejects.toThrow(
        /connack timeout/,
      );
    } finally {
      await silent.close();
    }
  });

  it("rejects when the broker refuses the client", async () => {
    const broker = await mqttBrokerForTests("aedes");
    try {
      // aedes speaks MQTT 3.1.1 only: an MQTT 5 CONNECT is answered with a refusal.
      await expect(connectClient(broker.url, { protocolVersion: 5 })).rejects.toThrow(/failed: .*protocol/i);
    } finally {
      await broker.stop();
    }
  });
});
