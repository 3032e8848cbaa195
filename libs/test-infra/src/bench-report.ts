/** What every benchmark prints: nearest-rank percentiles, milliseconds and aligned Markdown tables. */

/** Nearest-rank percentile of an ascending array (p in 0..100); NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}

/** Three significant figures or so: 123, 12.3, 1.23, 0.123; "–" for no value. */
export function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return "–";
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

/** Prints rows as an aligned Markdown table; numbers (and ratios, targets) right-aligned. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const numeric = (cell: string) => /^[-\d.,×≤ ]+( ?ms|×)?$/.test(cell);
  const line = (cells: readonly string[]) =>
    "| " +
    cells
      .map((cell, c) => (numeric(cell) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join(" | ") +
    " |";
  console.log(line(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const row of rows) console.log(line(row));
}
