import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { usage } from "./cli/usage.js";
import { describeOutcome } from "./commands/describe-outcome.js";
import type { OperatorOutcome } from "./commands/send-operator-command.js";

/** The README shows what the code prints; these checks fail as soon as the two drift apart. */
const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const requestId = "5b1e7c3a-2f4d-4e8b-9a61-0c7d3e2f1a90";

const README_OUTCOMES: [OperatorOutcome, string][] = [
  [
    {
      kind: "answered",
      requestId,
      command: { marginPercent: 5 },
      result: { requestId, ok: true, applied: { marginPercent: 5 } },
    },
    "the site-master",
  ],
  [
    {
      kind: "answered",
      requestId,
      command: { limitKw: 500 },
      result: { requestId, ok: true, applied: { limitKw: 400 } },
    },
    "the site-master",
  ],
  [
    {
      kind: "answered",
      requestId,
      command: { panel: "panel-z", capKw: 20 },
      result: { requestId, ok: false, error: { field: "panel", message: 'no panel "panel-z" on this site' } },
    },
    "the site-master",
  ],
  [{ kind: "timeout", requestId, command: {}, waitedMs: 10_004 }, "the panel-engine of panel panel-a"],
];

describe("README", () => {
  it("shows the usage text sce prints", () => {
    expect(readme).toContain(usage());
  });

  it("shows the tree exactly as the golden rendering test draws it", () => {
    const golden = readFileSync(join(import.meta.dirname, "view", "golden", "tree-100-columns.txt"), "utf8");
    expect(readme).toContain(`\`\`\`text\n${golden}\`\`\``);
  });

  it("shows the verdict lines the operator commands print", () => {
    const lines = README_OUTCOMES.flatMap(([outcome, by]) => describeOutcome(outcome, by));
    expect(readme).toContain(`\`\`\`text\n${lines.join("\n")}\n\`\`\``);
  });

  it("shows the library example as the watch-site test runs it", () => {
    const source = readFileSync(join(import.meta.dirname, "watch-site.integration.test.ts"), "utf8");
    const region = /\/\/ #region example\n([\s\S]*?)\n\s*\/\/ #endregion/.exec(source)?.[1] ?? "";
    expect(region.length).toBeGreaterThan(100);
    expect(readme).toContain(region.replace(/^ {2}/gm, ""));
  });
});
