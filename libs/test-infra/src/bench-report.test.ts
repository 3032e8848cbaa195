import { describe, expect, it } from "vitest";
import { formatMs, percentile } from "./bench-report.js";

describe("bench report", () => {
  it("takes the nearest-rank percentile", () => {
    const sorted = Array.from({ length: 300 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(150);
    expect(percentile(sorted, 99)).toBe(297);
    expect(percentile([], 50)).toBeNaN();
  });

  it("prints about three significant figures", () => {
    expect([1234.5, 12.345, 1.2345, 0.12345, NaN].map(formatMs)).toEqual([
      "1235",
      "12.3",
      "1.23",
      "0.123",
      "–",
    ]);
  });
});
