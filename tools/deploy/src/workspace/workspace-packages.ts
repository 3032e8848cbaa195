import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface PackageManifest {
  readonly name: string;
  readonly version?: string;
  readonly workspaces?: readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly bin?: string | Readonly<Record<string, string>>;
}

/** A package of the monorepo, with its folder relative to the repository root (`services/panel-engine`). */
export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly manifest: PackageManifest;
}

export function readManifest(path: string): PackageManifest {
  return JSON.parse(readFileSync(path, "utf8")) as PackageManifest;
}

/** The folder of the root package.json (the one that declares workspaces), from anywhere inside the repo. */
export function findRepositoryRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && readManifest(manifest).workspaces !== undefined) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json with workspaces above ${from}`);
  }
}

/** Every workspace package, from the root's `workspaces` globs (`libs/*` style: one folder level). */
export function readWorkspacePackages(root: string): WorkspacePackage[] {
  const packages: WorkspacePackage[] = [];
  for (const pattern of readManifest(join(root, "package.json")).workspaces ?? []) {
    const parent = pattern.replace(/\/\*$/, "");
    const folders = pattern.endsWith("/*")
      ? readdirSync(join(root, parent), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${parent}/${entry.name}`)
      : [pattern];
    for (const dir of folders) {
      const path = join(root, dir, "package.json");
      if (!existsSync(path)) continue;
      const manifest = readManifest(path);
      packages.push({ name: manifest.name, dir, manifest });
    }
  }
  return packages.sort((a, b) => a.dir.localeCompare(b.dir));
}

/**
 * The package and every workspace package it needs at run time (production `dependencies`, transitively),
 * sorted by folder: what a runtime image of it must contain.
 */
export function productionClosure(packages: readonly WorkspacePackage[], name: string): WorkspacePackage[] {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const found = new Map<string, WorkspacePackage>();
  const visit = (packageName: string): void => {
    const pkg = byName.get(packageName);
    if (pkg === undefined || found.has(packageName)) return;
    found.set(packageName, pkg);
    for (const dependency of Object.keys(pkg.manifest.dependencies ?? {})) visit(dependency);
  };
  visit(name);
  if (!found.has(name)) throw new Error(`${name} is not a workspace package`);
  return [...found.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

/** The file a package's bin points at (its only bin, or the one with this name). */
export function binEntry(manifest: PackageManifest, binName?: string): string | undefined {
  const { bin } = manifest;
  if (typeof bin === "string") return bin.replace(/^\.\//, "");
  if (bin === undefined) return undefined;
  const entries = Object.entries(bin);
  const chosen = binName === undefined ? entries[0] : entries.find(([name]) => name === binName);
  return chosen?.[1].replace(/^\.\//, "");
}
