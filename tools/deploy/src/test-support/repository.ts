import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findRepositoryRoot, readWorkspacePackages } from "../workspace/workspace-packages.js";

/** The monorepo these tests check (the folder with the root package.json). */
export const repoRoot = findRepositoryRoot(import.meta.dirname);
export const workspacePackages = readWorkspacePackages(repoRoot);
export const readRepoFile = (path: string): string => readFileSync(join(repoRoot, path), "utf8");
/** The services that ship as images: every package under services/. */
export const servicePackages = workspacePackages.filter((p) => p.dir.startsWith("services/"));
