/** Draws nested nodes with box-drawing branches, each node laid out for the width left to it. */

export interface TextNode {
  /** The node's own lines, for the columns left after the branch prefix. */
  lines: (width: number) => string[];
  children: readonly TextNode[];
}

const BRANCH = { first: "├─ ", last: "└─ ", through: "│  ", after: "   " };

/** Cuts a line to `width` characters, marking the cut, so a narrow terminal never wraps the tree. */
export function fit(line: string, width: number): string {
  const chars = [...line];
  if (chars.length <= width) return line;
  return width <= 1 ? chars.slice(0, width).join("") : `${chars.slice(0, width - 1).join("")}…`;
}

/** Packs fields onto as few lines as fit `width`; continuation lines are indented by two spaces. */
export function wrapFields(fields: readonly string[], width: number, separator = "  "): string[] {
  const indent = "  ";
  const lines: string[] = [];
  let current = "";
  for (const field of fields) {
    if (current === "") current = lines.length === 0 ? field : indent + field;
    else if ([...current].length + [...separator].length + [...field].length <= width)
      current += separator + field;
    else {
      lines.push(current);
      current = indent + field;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** A node's wrapped lines carry the branch down to its children, so the eye follows it. */
function continuation(node: TextNode): string {
  return node.children.length > 0 ? "│" : " ";
}

function drawChildren(children: readonly TextNode[], prefix: string, width: number): string[] {
  return children.flatMap((child, index) => {
    const last = index === children.length - 1;
    const [head = "", ...rest] = child.lines(Math.max(1, width - [...prefix].length - 3));
    const through = prefix + (last ? BRANCH.after : BRANCH.through);
    return [
      prefix + (last ? BRANCH.last : BRANCH.first) + head,
      ...rest.map((line) => through + continuation(child) + line),
      ...drawChildren(child.children, through, width),
    ];
  });
}

/** Top-level nodes start at column 0, a blank line apart; their descendants hang below them on branches. */
export function drawTree(roots: readonly TextNode[], width: number): string[] {
  return roots
    .flatMap((root, index) => {
      const [head = "", ...rest] = root.lines(width - 1);
      return [
        ...(index > 0 ? [""] : []),
        head,
        ...rest.map((line) => continuation(root) + line),
        ...drawChildren(root.children, "", width),
      ];
    })
    .map((line) => fit(line, width));
}
