import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { productionClosure, type WorkspacePackage } from "../workspace/workspace-packages.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !path.includes("test-support"));
}

/**
 * The environment variables a service can read: every UPPER_SNAKE string literal (or `env.NAME`) in a
 * source file of the service or of a workspace library it runs with, in a file that touches `env`.
 * Deliberately broad: the check it serves is that a deployment never sets a variable nobody reads.
 */
export function envVarsReadBy(
  root: string,
  packages: readonly WorkspacePackage[],
  service: string,
): Set<string> {
  const names = new Set<string>();
  for (const pkg of productionClosure(packages, service)) {
    for (const file of sourceFiles(join(root, pkg.dir, "src"))) {
      const text = readFileSync(file, "utf8");
      if (!/\benv\b/.test(text)) continue;
      for (const match of text.matchAll(
        /["'`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)["'`]|\benv\.([A-Z][A-Z0-9_]*)/g,
      ))
        names.add(match[1] ?? match[2] ?? "");
    }
  }
  return names;
}
