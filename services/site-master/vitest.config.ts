import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve sibling workspace packages to their TypeScript sources, so tests never run against a stale dist/.
  resolve: { conditions: ["@smart-charge/source"] },
  ssr: { resolve: { conditions: ["@smart-charge/source"] } },
  // Property tests run thousands of random sites; on a busy 2-core machine that takes longer than 5 s.
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000 },
});
