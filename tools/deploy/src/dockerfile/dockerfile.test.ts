import { describe, expect, it } from "vitest";
import { readRepoFile, repoRoot, servicePackages, workspacePackages } from "../test-support/repository.js";
import { imageProblems, missingCopySources, runtimeTargets } from "./dockerfile-checks.js";
import { parseDockerfile } from "./parse-dockerfile.js";

// turbo runs `build` for every package this one depends on before these tests (tools/deploy/turbo.json),
// so the dist/ paths the Dockerfile copies exist here as they do in the image's build stage.
const dockerfile = parseDockerfile(readRepoFile("Dockerfile"));
const targets = runtimeTargets(dockerfile, workspacePackages);

describe("Dockerfile", () => {
  it("has a runtime target for every service, named after it", () => {
    expect(targets.map((t) => t.stage.name).sort()).toEqual(
      servicePackages.map((p) => p.dir.replace("services/", "")).sort(),
    );
    expect(targets.map((t) => t.service.dir)).toEqual(targets.map((t) => `services/${t.stage.name}`));
  });

  it("copies only paths that exist after `npm run build`", () => {
    expect(missingCopySources(dockerfile, repoRoot)).toEqual([]);
  });

  it.each(targets.map((t) => [t.stage.name, t] as const))(
    "%s runs its bin from a production install of exactly its workspace packages, as non-root",
    (_name, target) => {
      expect(imageProblems(dockerfile, repoRoot, workspacePackages, target)).toEqual([]);
    },
  );

  it("builds on the Node LTS image and installs with npm ci", () => {
    const arg = dockerfile.globalArgs.find((a) => a.rest.startsWith("NODE_IMAGE="));
    expect(arg?.rest).toMatch(/^NODE_IMAGE=node:\d+-\w+-slim$/);
    const build = dockerfile.stages.find((s) => s.name === "build");
    expect(build?.instructions.map((i) => i.rest)).toContainEqual(expect.stringMatching(/^npm ci\b/));
  });
});

describe("the Dockerfile checks", () => {
  const broken = parseDockerfile(
    [
      "FROM node:26-trixie-slim AS build",
      "WORKDIR /app",
      "COPY . .",
      "FROM node:26-trixie-slim AS panel-engine-deps",
      "WORKDIR /app",
      "COPY package.json package-lock.json ./",
      "COPY services/panel-engine/package.json services/panel-engine/",
      "RUN npm ci --omit=dev",
      "FROM node:26-trixie-slim AS panel-engine",
      "WORKDIR /app",
      "COPY --from=panel-engine-deps /app ./",
      "COPY --from=build /app/services/panel-engine/dist services/panel-engine/dist",
      "COPY --from=build /app/services/panel-engine/no-such-dir x/",
      "COPY no-such-file.txt ./",
      'HEALTHCHECK CMD ["curl", "-f", "http://127.0.0.1:8080/healthz"]',
      'CMD ["node", "services/panel-engine/dist/main.js", "--config", "/etc/sce/panel-engine.json"]',
    ].join("\n"),
  );

  it("report missing sources of the build context and of other stages", () => {
    expect(missingCopySources(broken, repoRoot)).toEqual([
      "line 13: COPY --from=build /app/services/panel-engine/no-such-dir is missing",
      "line 14: COPY no-such-file.txt is missing",
    ]);
  });

  it("report missing workspace libraries, a root user and a curl health check", () => {
    const [target] = runtimeTargets(broken, workspacePackages);
    if (target === undefined) throw new Error("expected the panel-engine target");
    const problems = imageProblems(broken, repoRoot, workspacePackages, target);
    expect(problems).toEqual([
      expect.stringMatching(
        /^panel-engine: copies the dist of \[services\/panel-engine\], needs those of \[libs\//,
      ),
      expect.stringMatching(/^panel-engine: its production install must npm ci --omit=dev exactly/),
      "panel-engine: runs as root",
      "panel-engine: needs a HEALTHCHECK that runs node (the slim image has no curl)",
    ]);
  });
});
