import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve sibling workspace packages to their TypeScript sources, so tests never run against a stale dist/.
  resolve: { conditions: ["@smart-charge/source"] },
  ssr: { resolve: { conditions: ["@smart-charge/source"] } },
  // Property tests over all of Unicode are slow to start on a busy machine; they are not timed tests.
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000 },
});
