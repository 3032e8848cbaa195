import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import { binEntry, productionClosure, type WorkspacePackage } from "../workspace/workspace-packages.js";
import {
  effective,
  execWords,
  stageChain,
  type Dockerfile,
  type Instruction,
  type Stage,
} from "./parse-dockerfile.js";

/** A stage that runs a service: it has a `CMD ["node", "<service dir>/dist/..."]` of its own. */
export interface ImageTarget {
  readonly stage: Stage;
  readonly service: WorkspacePackage;
  /** The CMD's entry file relative to the repository root (and to the image's WORKDIR). */
  readonly entry: string;
}

const copies = (stage: Stage): Instruction[] => stage.instructions.filter((i) => i.keyword === "COPY");

function workdirOf(dockerfile: Dockerfile, stage: Stage): string {
  return effective(dockerfile, stage, "WORKDIR")?.rest ?? "/";
}

/** Source paths and destination of a COPY, relative to the stage's WORKDIR where they are relative. */
function copyPaths(instruction: Instruction): { sources: string[]; dest: string } {
  const words = execWords(instruction.rest);
  return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? "" };
}

export function runtimeTargets(dockerfile: Dockerfile, packages: readonly WorkspacePackage[]): ImageTarget[] {
  const targets: ImageTarget[] = [];
  for (const stage of dockerfile.stages) {
    const cmd = stage.instructions.find((i) => i.keyword === "CMD");
    if (cmd === undefined) continue;
    const entry = posix.normalize(execWords(cmd.rest)[1] ?? "");
    const service = packages.find((p) => entry.startsWith(`${p.dir}/`));
    if (service === undefined)
      throw new Error(`line ${cmd.line}: CMD runs ${entry}, which is in no workspace`);
    targets.push({ stage, service, entry });
  }
  return targets;
}

/**
 * Every COPY source that is not there: build-context paths must exist in the repository; `--from` paths
 * inside a stage's WORKDIR must exist in the repository once `npm run build` has run (the build stages
 * build the repository in place).
 */
export function missingCopySources(dockerfile: Dockerfile, root: string): string[] {
  const problems: string[] = [];
  for (const stage of dockerfile.stages) {
    for (const copy of copies(stage)) {
      const from = copy.flags["from"];
      const fromStage = dockerfile.stages.find((s) => s.name === from);
      const workdir = fromStage === undefined ? undefined : workdirOf(dockerfile, fromStage);
      for (const source of copyPaths(copy).sources) {
        if (from !== undefined && workdir === undefined) {
          problems.push(`line ${copy.line}: COPY --from=${from} names no stage of this Dockerfile`);
          continue;
        }
        const relative = workdir === undefined ? source : posix.relative(workdir, source);
        if (relative === "") continue; // the whole stage's WORKDIR
        if (relative.startsWith("..") || /[*?[]/.test(relative) || !existsSync(join(root, relative)))
          problems.push(
            `line ${copy.line}: COPY ${from === undefined ? "" : `--from=${from} `}${source} is missing`,
          );
      }
    }
  }
  return problems;
}

function manifestsInstalled(dockerfile: Dockerfile, target: ImageTarget): string[] | undefined {
  const workdir = workdirOf(dockerfile, target.stage);
  for (const copy of copies(target.stage)) {
    const depsStage = dockerfile.stages.find((s) => s.name === copy.flags["from"]);
    if (depsStage === undefined || copyPaths(copy).sources[0] !== workdirOf(dockerfile, depsStage)) continue;
    if (!depsStage.instructions.some((i) => i.keyword === "RUN" && /npm ci\b.*--omit=dev/.test(i.rest)))
      return undefined;
    // What npm ci saw: the manifests copied into the deps stage and into the stages it is built on.
    return stageChain(dockerfile, depsStage)
      .flatMap(copies)
      .flatMap((c) => copyPaths(c).sources.map((s) => posix.relative(workdir, posix.resolve(workdir, s))));
  }
  return undefined;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** What is wrong with one runtime image: its entry, its contents, its user and its health check. */
export function imageProblems(
  dockerfile: Dockerfile,
  root: string,
  packages: readonly WorkspacePackage[],
  target: ImageTarget,
): string[] {
  const name = target.stage.name ?? "(unnamed)";
  const problems: string[] = [];
  const bin = binEntry(target.service.manifest);
  if (bin === undefined || `${target.service.dir}/${bin}` !== target.entry)
    problems.push(
      `${name}: CMD runs ${target.entry}, not the bin of ${target.service.name} (${bin ?? "none"})`,
    );
  if (!existsSync(join(root, target.entry)))
    problems.push(
      `${name}: ${target.entry} is not built (npm run build; turbo builds it before these tests)`,
    );
  const closure = productionClosure(packages, target.service.name).map((p) => p.dir);
  const workdir = workdirOf(dockerfile, target.stage);
  const dists = copies(target.stage)
    .filter((c) => c.flags["from"] !== undefined && copyPaths(c).sources[0]?.endsWith("/dist"))
    .map((c) => posix.relative(workdir, posix.resolve(workdir, copyPaths(c).dest)));
  if (
    !sameSet(
      dists,
      closure.map((dir) => `${dir}/dist`),
    )
  )
    problems.push(
      `${name}: copies the dist of [${dists.map((d) => d.replace(/\/dist$/, "")).join(", ")}], needs those of [${closure.join(", ")}]`,
    );
  const manifests = manifestsInstalled(dockerfile, target);
  const wanted = ["package.json", "package-lock.json", ...closure.map((dir) => `${dir}/package.json`)];
  if (manifests === undefined || !sameSet(manifests, wanted))
    problems.push(`${name}: its production install must npm ci --omit=dev exactly [${wanted.join(", ")}]`);
  const user = effective(dockerfile, target.stage, "USER")?.rest;
  if (user === undefined || user === "root" || user.startsWith("0")) problems.push(`${name}: runs as root`);
  const health = effective(dockerfile, target.stage, "HEALTHCHECK");
  const check = health === undefined ? [] : execWords(health.rest.replace(/^CMD\s+/, ""));
  if (check[0] !== "node" || check.some((word) => /curl|wget/.test(word)))
    problems.push(`${name}: needs a HEALTHCHECK that runs node (the slim image has no curl)`);
  return problems;
}
