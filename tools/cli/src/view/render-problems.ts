/** The foot of the tree: the latest error reports of the site and messages that broke the contract. */
import type { SiteViewState } from "./site-view-state.js";
import { fit } from "./text-tree.js";
import { clockTime } from "./words.js";

export function problemLines(state: SiteViewState, width: number): string[] {
  const lines: string[] = [];
  if (state.errors.length > 0) {
    lines.push("", "Recent errors reported on the site:");
    for (const report of state.errors) {
      const at = clockTime(Date.parse(report.at)).slice(11, 19);
      lines.push(`  ${at} ${report.source} ${report.code}: ${report.error.field}: ${report.error.message}`);
    }
  }
  if (state.refused.length > 0) {
    lines.push("", "Messages that broke the contract (not shown above):");
    for (const { topic, error } of state.refused) lines.push(`  ${topic}: ${error.field}: ${error.message}`);
  }
  return lines.map((line) => fit(line, width));
}
