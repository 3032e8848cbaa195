import type { PanelConfig } from "./panel-schema.js";

/** A panel with where it sits in the tree. */
export interface PanelPlace {
  readonly panel: PanelConfig;
  /** Ids from the top of the tree down to the parent (empty for a panel on the grid connection). */
  readonly ancestors: readonly string[];
  /** Where it is in the site file, e.g. `["panels", 0, "children", 1]`, for error messages. */
  readonly path: readonly (string | number)[];
}

/** Every panel of the tree, parents before their children, in file order. */
export function walkPanels(panels: readonly PanelConfig[]): PanelPlace[] {
  const out: PanelPlace[] = [];
  const visit = (list: readonly PanelConfig[], ancestors: readonly string[], path: (string | number)[]) => {
    list.forEach((panel, index) => {
      const here = [...path, index];
      out.push({ panel, ancestors, path: here });
      visit(panel.children, [...ancestors, panel.id], [...here, "children"]);
    });
  };
  visit(panels, [], ["panels"]);
  return out;
}
