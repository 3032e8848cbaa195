import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { readRepoFile, repoRoot } from "./repository.js";

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

/** Every YAML file under deploy/k8s, relative to the repository root. */
export const manifestPaths = readdirSync(join(repoRoot, "deploy/k8s"), { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".yaml"))
  .map((path) => `deploy/k8s/${path}`)
  .sort();

export function readManifests(path: string): Manifest[] {
  return parseAllDocuments(readRepoFile(path))
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((m): m is Manifest => m !== null);
}

export const allManifests = manifestPaths.flatMap((path) =>
  readManifests(path).map((manifest) => ({ path, manifest })),
);
export const generated = allManifests
  .filter((m) => m.path.startsWith("deploy/k8s/generated/"))
  .map((m) => m.manifest);

export interface PodContainer {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** The containers of a Deployment or StatefulSet. */
export function containersOf(manifest: Manifest): PodContainer[] {
  const template = manifest.spec?.["template"] as { spec?: { containers?: PodContainer[] } } | undefined;
  return template?.spec?.containers ?? [];
}
