import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSiteConfig } from "@smart-charge/site-config";
import { describe, expect, it } from "vitest";
import { readRepoFile, repoRoot } from "../test-support/repository.js";
import { DEFAULT_RENDER_OPTIONS, renderSite } from "./render-site.js";
import { configFiles, driftFrom, manifestFiles } from "./write-rendered.js";

const raw: unknown = JSON.parse(readRepoFile("deploy/site.json"));
const rendered = renderSite(raw, parseSiteConfig(raw), DEFAULT_RENDER_OPTIONS);
const k8sDir = join(repoRoot, "deploy/k8s/generated");
const composeDir = join(repoRoot, "deploy/compose");

describe("the committed output", () => {
  it("is what the generator renders from deploy/site.json (else: npm run render -w @smart-charge/deploy)", async () => {
    expect(driftFrom(k8sDir, await manifestFiles(rendered, k8sDir, "deploy/site.json"), ".yaml")).toEqual([]);
    expect(driftFrom(composeDir, await configFiles(rendered, composeDir), ".json")).toEqual([]);
  });

  it("would be reported if a file were edited by hand, left over or missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sce-k8s-drift-"));
    try {
      cpSync(k8sDir, dir, { recursive: true });
      writeFileSync(
        join(dir, "site-master.yaml"),
        "# edited\n" + readRepoFile("deploy/k8s/generated/site-master.yaml"),
      );
      writeFileSync(join(dir, "panel-engine-panel-z.yaml"), "# a panel that is gone\n");
      rmSync(join(dir, "config.yaml"));
      const files = await manifestFiles(rendered, dir, "deploy/site.json");
      expect(driftFrom(dir, files, ".yaml")).toEqual([
        "config.yaml",
        "panel-engine-panel-z.yaml",
        "site-master.yaml",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
