import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve sibling workspace packages to their TypeScript sources, so tests never run against a stale dist/.
  resolve: { conditions: ["@smart-charge/source"] },
  ssr: { resolve: { conditions: ["@smart-charge/source"] } },
  // End-to-end tests start brokers, Redis-backed panel-engines and websocket chargers on a 2-core machine.
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
