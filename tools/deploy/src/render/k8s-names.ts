/**
 * A panel id as a Kubernetes object name part (RFC 1123 label: lower case, digits and `-`), short enough
 * for `panel-engine-<name>` and the pod names derived from it.
 */
export function kubernetesName(id: string): string {
  const name = id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  if (name === "") throw new Error(`panel id "${id}" has no letter or digit to name its Kubernetes objects`);
  return name;
}

/** Names for every id, refusing two ids that would share one (e.g. `Panel_A` and `panel-a`). */
export function uniqueKubernetesNames(ids: readonly string[]): Map<string, string> {
  const byName = new Map<string, string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    const name = kubernetesName(id);
    const other = byName.get(name);
    if (other !== undefined) throw new Error(`panels "${other}" and "${id}" would both be named "${name}"`);
    byName.set(name, id);
    names.set(id, name);
  }
  return names;
}
