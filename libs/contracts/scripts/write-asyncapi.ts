/** Regenerates asyncapi.json from the schemas: `npm run asyncapi -w @smart-charge/contracts`. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { buildAsyncApiDocument } from "../src/asyncapi/generate.js";

const target = fileURLToPath(new URL("../asyncapi.json", import.meta.url));
// Formatted like every other file, so the repository's `prettier --check` stays green.
const options = (await resolveConfig(target)) ?? {};
writeFileSync(
  target,
  await format(JSON.stringify(buildAsyncApiDocument()), { ...options, filepath: target }),
);
console.log(`wrote ${target}`);
