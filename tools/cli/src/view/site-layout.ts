/**
 * The panel structure of a site, as the tree view needs it: which panels exist and which panel feeds which.
 *
 * Read from the site configuration file given with `--site-config`. Until the site configuration format
 * (libs/site-config) is settled, this reader accepts the shapes that format is expected to take and
 * keeps only the panel ids and parents, ignoring every other field: a flat list of panel ids, or panel
 * objects with `id` and an optional `parent`, or panels nested in `children`, at the top level or under
 * `panels`.
 */
import { parseWithSchema, readJsonFile } from "@smart-charge/service-kit";
import { z } from "zod";

export interface LayoutPanel {
  id: string;
  parent?: string;
}

export interface SiteLayout {
  /** In the order the file lists them (depth first for nested panels). */
  panels: readonly LayoutPanel[];
}

interface PanelNode {
  id: string;
  parent?: string | undefined;
  children?: PanelNode[] | undefined;
}

// A bare id stands for a panel with nothing else to say; errors then name `panels.1.id`.
const panelNodeSchema: z.ZodType<PanelNode> = z.lazy(() =>
  z.preprocess(
    (entry) => (typeof entry === "string" ? { id: entry } : entry),
    z.object({
      id: z.string().min(1),
      parent: z.string().min(1).optional(),
      children: z.array(panelNodeSchema).optional(),
    }),
  ),
);

const siteLayoutFileSchema = z.object({ panels: z.array(panelNodeSchema) });

function flatten(nodes: readonly PanelNode[], parent: string | undefined, into: LayoutPanel[]): void {
  for (const node of nodes) {
    const up = node.parent ?? parent;
    into.push(up === undefined ? { id: node.id } : { id: node.id, parent: up });
    flatten(node.children ?? [], node.id, into);
  }
}

/** Validates an already-parsed site configuration; throws a ConfigError naming the offending field. */
export function parseSiteLayout(raw: unknown): SiteLayout {
  // parseWithSchema wants an object; a bare list of panels is wrapped so its errors read `panels.1`.
  const parsed = parseWithSchema(siteLayoutFileSchema, Array.isArray(raw) ? { panels: raw } : raw);
  const panels: LayoutPanel[] = [];
  flatten(parsed.panels, undefined, panels);
  return { panels };
}

export function readSiteLayout(path: string): SiteLayout {
  return parseSiteLayout(readJsonFile(path));
}
