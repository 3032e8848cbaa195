import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve sibling workspace packages to their TypeScript sources, so tests never run against a stale dist/.
  resolve: { conditions: ["@smart-charge/source"] },
  ssr: { resolve: { conditions: ["@smart-charge/source"] } },
  // The process test starts the whole product from its TypeScript sources.
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
