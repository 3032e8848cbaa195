import type { StartedService } from "./test-service.js";

export interface Lease {
  url: string;
  /** Gives the service back; the last lease out stops it. Safe to call twice. */
  release(): Promise<void>;
}

/**
 * One service per process (per test file under vitest), however many suites ask for it: starting a
 * container costs seconds, so it is started on first use and stopped when the last user releases it.
 */
export function sharedService(start: () => Promise<StartedService>): { acquire(): Promise<Lease> } {
  let users = 0;
  let running: Promise<StartedService> | undefined;

  const acquire = async (): Promise<Lease> => {
    users += 1;
    running ??= start();
    const current = running;
    let service: StartedService;
    try {
      service = await current;
    } catch (error) {
      users -= 1;
      // A failed start must not be cached: the next suite may find Docker ready.
      if (running === current) running = undefined;
      throw error;
    }
    let released = false;
    return {
      url: service.url,
      release: async () => {
        if (released) return;
        released = true;
        users -= 1;
        if (users > 0 || running !== current) return;
        running = undefined;
        await service.stop();
      },
    };
  };

  return { acquire };
}
