import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./test-support/child-process.js";
import { readRepoFile, repoRoot } from "./test-support/repository.js";

// The CLI as an operator runs it (from source, through tsx, as `npm run render` does).
const sceK8s = (...args: string[]) =>
  run(
    process.execPath,
    ["--conditions=@smart-charge/source", "--import", "tsx", "tools/deploy/src/main.ts", ...args],
    {
      cwd: repoRoot,
    },
  );

describe("sce-k8s", () => {
  const dir = mkdtempSync(join(tmpdir(), "sce-k8s-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--check passes on the committed output of the example site", async () => {
    const result = await sceK8s(
      "render",
      "--check",
      "--site-config",
      "deploy/site.json",
      "--out",
      "deploy/k8s/generated",
      "--configs-out",
      "deploy/compose",
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("rendered output is up to date\n");
    expect(result.code).toBe(0);
  });

  it("renders a new site into a folder, and --check then finds it up to date", async () => {
    const site = JSON.parse(readRepoFile("deploy/site.json")) as { site: string };
    writeFileSync(join(dir, "site.json"), JSON.stringify({ ...site, site: "depot-2" }));
    const args = [
      "--site-config",
      join(dir, "site.json"),
      "--out",
      join(dir, "k8s"),
      "--configs-out",
      join(dir, "cfg"),
    ];
    expect((await sceK8s("render", ...args)).stdout).toMatch(
      /^wrote 6 files to .*k8s\nwrote 3 files to .*cfg\n$/,
    );
    expect((await sceK8s("render", "--check", ...args)).code).toBe(0);
  });

  it("stops with the site file's wrong field and exit code 2", async () => {
    const site = JSON.parse(readRepoFile("deploy/site.json")) as { grid: object };
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...site, grid: { kw: -1 } }));
    const result = await sceK8s("render", "--site-config", join(dir, "bad.json"), "--out", join(dir, "bad"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^site file: config grid\.kw: /);
  });
});
