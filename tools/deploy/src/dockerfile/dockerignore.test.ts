import { describe, expect, it } from "vitest";
import { readRepoFile, workspacePackages } from "../test-support/repository.js";
import { isIgnored, parseDockerignore } from "./dockerignore.js";
import { parseDockerfile } from "./parse-dockerfile.js";

const rules = parseDockerignore(readRepoFile(".dockerignore"));

describe(".dockerignore", () => {
  it("sends what npm ci and the build need, and every COPY source of the build context", () => {
    const needed = ["package.json", "package-lock.json", ".npmrc", "turbo.json", "tsconfig.base.json"].concat(
      workspacePackages.flatMap((p) => [
        `${p.dir}/package.json`,
        `${p.dir}/tsconfig.build.json`,
        `${p.dir}/src/index.ts`,
      ]),
    );
    const copied = parseDockerfile(readRepoFile("Dockerfile"))
      .stages.flatMap((s) => s.instructions)
      .filter((i) => i.keyword === "COPY" && i.flags["from"] === undefined)
      .flatMap((i) => i.rest.split(/\s+/).slice(0, -1))
      .filter((source) => source !== ".");
    expect([...needed, ...copied].filter((path) => isIgnored(rules, path))).toEqual([]);
  });

  it("keeps out what the build makes again, secrets and the git history", () => {
    const kept = [
      "node_modules/x",
      "libs/allocation/node_modules/x",
      "services/panel-engine/dist/main.js",
      ".env",
      ".git/HEAD",
    ];
    expect(kept.filter((path) => !isIgnored(rules, path))).toEqual([]);
  });

  it("applies exceptions in order (the last matching rule wins)", () => {
    const ordered = parseDockerignore("deploy/*\n!deploy/docker\n**/*.log\n");
    expect(isIgnored(ordered, "deploy/site.json")).toBe(true);
    expect(isIgnored(ordered, "deploy/docker/healthcheck.mjs")).toBe(false);
    expect(isIgnored(ordered, "deploy/docker/build.log")).toBe(true);
    expect(isIgnored(ordered, "services/x/src/a.ts")).toBe(false);
  });
});
