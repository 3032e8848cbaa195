import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve sibling workspace packages to their TypeScript sources, so tests never run against a stale dist/.
  resolve: { conditions: ["@smart-charge/source"] },
  ssr: { resolve: { conditions: ["@smart-charge/source"] } },
  test: { include: ["src/**/*.test.ts"] },
});
