/** One Dockerfile instruction after line continuations are joined, with its `--flag=value` options split off. */
export interface Instruction {
  readonly keyword: string;
  readonly flags: Readonly<Record<string, string>>;
  /** What follows the flags, as written (`CMD ["node", "x.js"]` → `["node", "x.js"]`). */
  readonly rest: string;
  /** 1-based line where the instruction starts, for messages that point at it. */
  readonly line: number;
}

export interface Stage {
  /** The `AS` name; stages without one are only addressable by index, which this project does not use. */
  readonly name: string | undefined;
  readonly base: string;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM (usable in FROM lines). */
  readonly globalArgs: readonly Instruction[];
  readonly stages: readonly Stage[];
}

function splitFlags(text: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = text.trimStart();
  for (
    let match = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest);
    match;
    match = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest)
  ) {
    flags[match[1] ?? ""] = match[2] ?? "true";
    rest = rest.slice(match[0].length);
  }
  return { flags, rest: rest.trim() };
}

/** Joins `\` continuations and drops comments and blank lines (parser directives are comments too). */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith("#") || (trimmed === "" && pending === undefined)) return;
    const continues = trimmed.endsWith("\\");
    const piece = continues ? trimmed.slice(0, -1).trim() : trimmed;
    pending =
      pending === undefined
        ? { text: piece, line: index + 1 }
        : { ...pending, text: `${pending.text} ${piece}` };
    if (!continues) {
      out.push(pending);
      pending = undefined;
    }
  });
  if (pending !== undefined) out.push(pending);
  return out;
}

/** Reads a Dockerfile into its stages: enough to check what it copies and runs, not a full BuildKit parser. */
export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Instruction[] = [];
  const stages: { name: string | undefined; base: string; instructions: Instruction[] }[] = [];
  for (const { text: body, line } of logicalLines(text)) {
    const keyword = /^\S+/.exec(body)?.[0].toUpperCase() ?? "";
    const instruction: Instruction = { keyword, line, ...splitFlags(body.slice(keyword.length)) };
    if (keyword === "FROM") {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.rest);
      if (!from) throw new Error(`Dockerfile line ${line}: cannot read FROM ${instruction.rest}`);
      stages.push({ name: from[2], base: from[1] ?? "", instructions: [] });
    } else if (stages.length === 0) {
      if (keyword !== "ARG") throw new Error(`Dockerfile line ${line}: ${keyword} before the first FROM`);
      globalArgs.push(instruction);
    } else {
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

/** The words of an exec-form (`["a", "b"]`) or shell-form (`a b`) argument list. */
export function execWords(rest: string): string[] {
  if (rest.startsWith("[")) return JSON.parse(rest) as string[];
  return rest.split(/\s+/).filter((word) => word !== "");
}

/** A stage by name, failing with a message that names it. */
export function stageNamed(dockerfile: Dockerfile, name: string): Stage {
  const stage = dockerfile.stages.find((s) => s.name === name);
  if (stage === undefined) throw new Error(`the Dockerfile has no stage named ${name}`);
  return stage;
}

/**
 * The stage and the stages it is built FROM, nearest first: a stage inherits WORKDIR, USER, ENV,
 * HEALTHCHECK and CMD from its base.
 */
export function stageChain(dockerfile: Dockerfile, stage: Stage): Stage[] {
  const chain = [stage];
  for (let base = dockerfile.stages.find((s) => s.name === stage.base); base;) {
    chain.push(base);
    const next = base.base;
    base = dockerfile.stages.find((s) => s.name === next);
  }
  return chain;
}

/** The last instruction with this keyword that is in effect for the stage (its own or inherited). */
export function effective(dockerfile: Dockerfile, stage: Stage, keyword: string): Instruction | undefined {
  for (const s of stageChain(dockerfile, stage)) {
    const own = s.instructions.filter((i) => i.keyword === keyword);
    if (own.length > 0) return own[own.length - 1];
  }
  return undefined;
}
