import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve sibling workspace packages to their TypeScript sources, so tests never run against a stale dist/.
  resolve: { conditions: ["@smart-charge/source"] },
  ssr: { resolve: { conditions: ["@smart-charge/source"] } },
  // Compiling the Kubernetes schemas and reading every service's sources takes a few seconds on 2 cores.
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000 },
});
