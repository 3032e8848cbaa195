import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildAsyncApiDocument } from "./generate.js";

const committedPath = new URL("../../asyncapi.json", import.meta.url);

describe("asyncapi.json", () => {
  it("matches the schemas (regenerate with: npm run asyncapi -w @smart-charge/contracts)", () => {
    const committed: unknown = JSON.parse(readFileSync(committedPath, "utf8"));
    // Compare as JSON: the file holds what JSON.stringify makes of the document, nothing more.
    const generated: unknown = JSON.parse(JSON.stringify(buildAsyncApiDocument()));
    expect(
      committed,
      "asyncapi.json is out of date: run `npm run asyncapi -w @smart-charge/contracts` and commit the result",
    ).toEqual(generated);
  });
});
