import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, parseWithSchema, readJsonFile } from "./config-file.js";

const schema = z
  .object({ site: z.string(), grid: z.object({ kw: z.number().positive() }).strict() })
  .strict();

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
  }
  throw new Error("expected a ConfigError");
}

describe("config files", () => {
  it("returns the parsed config when it is valid", () => {
    expect(parseWithSchema(schema, { site: "depot", grid: { kw: 100 } })).toEqual({
      site: "depot",
      grid: { kw: 100 },
    });
  });

  it("names the wrong field with its dotted path", () => {
    const error = errorOf(() => parseWithSchema(schema, { site: "depot", grid: { kw: -5 } }));
    expect(error.field).toBe("grid.kw");
    expect(error.message).toMatch(/^config grid\.kw: /);
  });

  it("names a misspelt key by its own name", () => {
    expect(errorOf(() => parseWithSchema(schema, { site: "d", grid: { kw: 1, kW: 2 } })).field).toBe(
      "grid.kW",
    );
  });

  it("rejects a file that is not a JSON object", () => {
    expect(errorOf(() => parseWithSchema(schema, [1, 2])).field).toBe("(root)");
  });

  it("reports an unreadable file and broken JSON as config errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "sce-config-"));
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ site: ");
    expect(errorOf(() => readJsonFile(broken)).field).toBe("(json)");
    expect(errorOf(() => readJsonFile(join(dir, "missing.json"))).field).toBe("(file)");
  });
});
