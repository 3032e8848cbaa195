import { Redis } from "ioredis";
import { connect } from "mqtt";
import { describe, expect, it } from "vitest";
import { connectClient, endClient } from "../mqtt/connect-client.js";
import { startOwnMosquitto } from "./own-mosquitto.js";
import { disposeOwnService } from "./own-process.js";
import { startOwnRedis } from "./own-redis.js";

describe("own services", () => {
  it("runs a Redis on its own port that keeps its data across a kill -9", async () => {
    const redis = await startOwnRedis();
    try {
      expect(redis.port).not.toBe(6379);
      const db = new Redis(redis.url, { maxRetriesPerRequest: null });
      await db.set("kept", "yes");
      await redis.restart("SIGKILL");
      expect(await db.get("kept")).toBe("yes"); // ioredis reconnected by itself
      db.disconnect();
    } finally {
      await disposeOwnService(redis);
    }
  });

  it("runs a Mosquitto on its own port that keeps persistent sessions across a restart", async () => {
    const broker = await startOwnMosquitto();
    try {
      expect(broker.port).not.toBe(1883);
      const subscriber = await connectClient(broker.url, { clientId: "own-sub", clean: false });
      await subscriber.subscribeAsync("own/t", { qos: 1 });
      await endClient(subscriber);
      await broker.restart();
      const publisher = await connectClient(broker.url);
      await publisher.publishAsync("own/t", "while away", { qos: 1 });
      // Listening before connecting: the broker hands the kept message over right after CONNACK.
      const back = connect(broker.url, { clientId: "own-sub", clean: false, reconnectPeriod: 0 });
      const kept = await new Promise<string>((resolve) =>
        back.once("message", (_t, p) => resolve(p.toString())),
      );
      expect(kept).toBe("while away");
      await Promise.all([endClient(publisher), endClient(back)]);
    } finally {
      await disposeOwnService(broker);
    }
  });
});
