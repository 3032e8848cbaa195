import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseSiteConfig } from "@smart-charge/site-config";
import { renderSite } from "../render/render-site.js";
import {
  configFiles,
  driftFrom,
  manifestFiles,
  writeRendered,
  type RenderedFiles,
} from "../render/write-rendered.js";
import { findRepositoryRoot } from "../workspace/workspace-packages.js";
import type { RenderCommand } from "./parse-arguments.js";

/** The site file's path as the generated headers name it: from the repository root when inside one. */
function sourceName(path: string): string {
  try {
    return relative(findRepositoryRoot(dirname(resolve(path))), resolve(path));
  } catch {
    return path;
  }
}

/**
 * Renders (or, with --check, compares) the site's deployment. Returns the lines to print and whether it
 * succeeded. The site file is validated as the site-master would, without environment overrides: the
 * rendered output must not depend on the shell it was rendered in.
 */
export async function runRender(command: RenderCommand): Promise<{ ok: boolean; lines: string[] }> {
  const raw: unknown = JSON.parse(readFileSync(command.siteConfig, "utf8"));
  const rendered = renderSite(raw, parseSiteConfig(raw), command.options);
  const outputs: { dir: string; files: RenderedFiles; ext: ".yaml" | ".json" }[] = [
    {
      dir: command.out,
      files: await manifestFiles(rendered, command.out, sourceName(command.siteConfig)),
      ext: ".yaml",
    },
  ];
  if (command.configsOut !== undefined)
    outputs.push({
      dir: command.configsOut,
      files: await configFiles(rendered, command.configsOut),
      ext: ".json",
    });
  if (command.check) {
    const drift = outputs.flatMap((o) => driftFrom(o.dir, o.files, o.ext).map((name) => `${o.dir}/${name}`));
    return drift.length === 0
      ? { ok: true, lines: ["rendered output is up to date"] }
      : { ok: false, lines: ["rendered output differs from the site file; run sce-k8s render:", ...drift] };
  }
  for (const o of outputs) writeRendered(o.dir, o.files, o.ext);
  return { ok: true, lines: outputs.map((o) => `wrote ${o.files.size} files to ${o.dir}`) };
}
