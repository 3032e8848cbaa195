import { describe, expect, it } from "vitest";
import { ConfigError } from "@smart-charge/service-kit";
import { parseSiteLayout } from "./site-layout.js";

describe("parseSiteLayout", () => {
  it("accepts a flat list of panel ids", () => {
    expect(parseSiteLayout(["a", "b"])).toEqual({ panels: [{ id: "a" }, { id: "b" }] });
  });

  it("accepts panels with parents or nested children, ignoring other fields", () => {
    const layout = parseSiteLayout({
      site: "depot-north",
      grid: { limitKw: 100 },
      panels: [
        { id: "main", breakerKw: 80, children: [{ id: "a" }, "b"] },
        { id: "c", parent: "main" },
      ],
    });
    expect(layout.panels).toEqual([
      { id: "main" },
      { id: "a", parent: "main" },
      { id: "b", parent: "main" },
      { id: "c", parent: "main" },
    ]);
  });

  it("names the offending field", () => {
    const attempt = () => parseSiteLayout({ panels: [{ id: "a" }, { parent: "a" }] });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^config panels\.1\.id: /);
  });
});
