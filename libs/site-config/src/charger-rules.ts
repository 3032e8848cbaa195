import type { z } from "zod";

interface ChargerFacts {
  readonly id: string;
  readonly phases?: number | undefined;
  readonly panelPhases?: readonly string[] | undefined;
}

/**
 * The rules every list of chargers follows, in the site file, a panel-engine's file and a bridge's file:
 * an id appears once, and a charger wired to named conductors names as many as it has phases (3 when
 * not given). `path` is where the list sits in the file, for the error's field.
 */
export function checkChargerList(
  chargers: readonly ChargerFacts[],
  ctx: z.RefinementCtx,
  path: readonly (string | number)[] = ["chargers"],
  seen: Map<string, string> = new Map(),
  owner = "",
): void {
  chargers.forEach((charger, index) => {
    const first = seen.get(charger.id);
    if (first !== undefined)
      ctx.addIssue({
        code: "custom",
        path: [...path, index, "id"],
        message: first
          ? `charger "${charger.id}" is already wired to panel "${first}"`
          : `duplicate charger id "${charger.id}"`,
      });
    seen.set(charger.id, owner);
    const phases = charger.phases ?? 3;
    if (charger.panelPhases !== undefined && charger.panelPhases.length !== phases)
      ctx.addIssue({
        code: "custom",
        path: [...path, index, "panelPhases"],
        message: `must list ${phases} phase(s)`,
      });
  });
}
