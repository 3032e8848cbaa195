/** One .dockerignore rule: a path pattern, or with `!` an exception to the rules before it. */
interface Rule {
  readonly pattern: RegExp;
  readonly exception: boolean;
}

function toRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^\/+|\/+$/g, "")
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === "**/" || part === "**") return "(?:.*/)?";
      if (part === "*") return "[^/]*";
      if (part === "?") return "[^/]";
      return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  // A rule that matches a folder also excludes everything in it.
  return new RegExp(`^${body}(?:/.*)?$`);
}

export function parseDockerignore(text: string): Rule[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => ({ exception: line.startsWith("!"), pattern: toRegExp(line.replace(/^!/, "")) }));
}

/** Whether the build context leaves this path (relative to the context root) out; the last matching rule wins. */
export function isIgnored(rules: readonly Rule[], path: string): boolean {
  let ignored = false;
  for (const rule of rules) if (rule.pattern.test(path)) ignored = !rule.exception;
  return ignored;
}
