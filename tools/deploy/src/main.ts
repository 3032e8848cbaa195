#!/usr/bin/env node
/**
 * `sce-k8s render --site-config site.json --out deploy/k8s/generated [--configs-out deploy/compose]`:
 * renders a site's Kubernetes manifests (and the services' config files) from its site file.
 */
import { ConfigError } from "@smart-charge/site-config";
import { parseArguments, USAGE } from "./cli/parse-arguments.js";
import { runRender } from "./cli/run-render.js";

try {
  const result = await runRender(parseArguments(process.argv.slice(2)));
  for (const line of result.lines) console.log(line);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigError ? `site file: ${message}` : `sce-k8s: ${message}`);
  if (!(error instanceof ConfigError)) console.error(USAGE);
  process.exitCode = 2;
}
