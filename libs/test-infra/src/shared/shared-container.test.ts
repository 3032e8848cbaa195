import { describe, expect, it } from "vitest";
import { sharedService } from "./shared-container.js";

function countingService(): {
  starts: number;
  stops: number;
  start(): Promise<{ url: string; stop(): Promise<void> }>;
} {
  const counts = {
    starts: 0,
    stops: 0,
    start: async () => {
      counts.starts += 1;
      const url = `redis://container-${counts.starts}`;
      return { url, stop: async () => void (counts.stops += 1) };
    },
  };
  return counts;
}

describe("sharedService", () => {
  it("starts once for concurrent users and stops when the last one releases", async () => {
    const service = countingService();
    const shared = sharedService(() => service.start());
    const [a, b] = await Promise.all([shared.acquire(), shared.acquire()]);
    expect(a.url).toBe(b.url);
    expect(service.starts).toBe(1);

    await a.release();
    await a.release();
    expect(service.stops).toBe(0);
    await b.release();
    expect(service.stops).toBe(1);

    const c = await shared.acquire();
    expect(c.url).toBe("redis://container-2");
    await c.release();
  });

  it("does not cache a failed start", async () => {
    let attempts = 0;
    const shared = sharedService(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("Docker is still starting");
      return { url: "redis://second-try", stop: async () => undefined };
    });
    await expect(shared.acquire()).rejects.toThrow("Docker is still starting");
    const lease = await shared.acquire();
    expect(lease.url).toBe("redis://second-try");
    await lease.release();
  });
});
