import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve sibling workspace packages to their TypeScript sources, so tests never run against a stale dist/.
  resolve: { conditions: ["@smart-charge/source"] },
  ssr: { resolve: { conditions: ["@smart-charge/source"] } },
  // Where Docker is available, the first container start of a run may pull an image.
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 180_000 },
});
