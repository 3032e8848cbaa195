import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve sibling workspace packages to their TypeScript sources, so tests never run against a stale dist/.
  resolve: { conditions: ["@smart-charge/source"] },
  ssr: { resolve: { conditions: ["@smart-charge/source"] } },
  // The process tests start `sce` from source through tsx, which takes a few seconds on a busy machine.
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
