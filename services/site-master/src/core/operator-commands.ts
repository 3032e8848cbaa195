import type {
  OperatorResult,
  PhaseAmps,
  SetGridLimit,
  SetPanelBudgetCap,
  SetSafetyMargin,
} from "@smart-charge/contracts";
import type { SiteConfig } from "@smart-charge/site-config";
import { PHASES } from "./limits.js";
import type { Overrides } from "./overrides.js";

export type SiteMasterCommand =
  | { kind: "setGridLimit"; message: SetGridLimit }
  | { kind: "setSafetyMargin"; message: SetSafetyMargin }
  | { kind: "setPanelBudgetCap"; message: SetPanelBudgetCap };

export interface CommandOutcome {
  /** The settings after the command; undefined when it was refused (nothing changed). */
  readonly overrides: Overrides | undefined;
  readonly result: OperatorResult;
}

interface Clamp {
  readonly fields: string[];
}

function clampKw(asked: number, rated: number, field: string, clamp: Clamp): number {
  if (asked <= rated) return asked;
  clamp.fields.push(field);
  return rated;
}

function clampAmps(asked: PhaseAmps, rated: PhaseAmps | undefined, field: string, clamp: Clamp): PhaseAmps {
  const out = { ...asked };
  for (const p of PHASES) {
    const limit = rated?.[p];
    if (limit !== undefined && asked[p] > limit) {
      out[p] = limit;
      clamp.fields.push(`${field}.${p}`);
    }
  }
  return out;
}

function accepted(
  requestId: string,
  applied: Record<string, unknown>,
  clamp: Clamp,
  at: string,
): OperatorResult {
  return {
    requestId,
    ok: true,
    // `clamped` lists the fields that asked for more than the rating and got the rating instead.
    applied: clamp.fields.length > 0 ? { ...applied, clamped: clamp.fields } : applied,
    at,
  };
}

/**
 * Applies one operator command to the settings, clamped to the ratings in the site file (an operator may
 * lower a limit, never raise it above what the hardware is rated for). A command for a panel the site
 * does not have is refused naming the field, and changes nothing.
 */
export function applyCommand(
  command: SiteMasterCommand,
  config: SiteConfig,
  overrides: Overrides,
  now: number,
): CommandOutcome {
  const at = new Date(now).toISOString();
  const clamp: Clamp = { fields: [] };
  switch (command.kind) {
    case "setGridLimit": {
      const { requestId, limitKw, phaseAmps } = command.message;
      const gridLimit = {
        limitKw: clampKw(limitKw, config.grid.kw, "limitKw", clamp),
        ...(phaseAmps === undefined
          ? {}
          : { phaseAmps: clampAmps(phaseAmps, config.grid.phaseAmps, "phaseAmps", clamp) }),
      };
      return { overrides: { ...overrides, gridLimit }, result: accepted(requestId, gridLimit, clamp, at) };
    }
    case "setSafetyMargin": {
      const { requestId, marginKw, marginPercent } = command.message;
      const safetyMargin =
        marginKw !== undefined
          ? { marginKw: clampKw(marginKw, config.grid.kw, "marginKw", clamp) }
          : { marginPercent: marginPercent ?? 0 };
      return {
        overrides: { ...overrides, safetyMargin },
        result: accepted(requestId, safetyMargin, clamp, at),
      };
    }
    case "setPanelBudgetCap": {
      const { requestId, panel, capKw, phaseAmps } = command.message;
      const node = findPanel(config, panel);
      if (node === undefined)
        return {
          overrides: undefined,
          result: {
            requestId,
            ok: false,
            error: { field: "panel", message: `no panel "${panel}" on site "${config.site}"` },
            at,
          },
        };
      const previous = overrides.panelCaps[panel];
      const cap = {
        capKw: capKw === null ? null : clampKw(capKw, node.breaker.kw, "capKw", clamp),
        phaseAmps:
          phaseAmps === undefined
            ? (previous?.phaseAmps ?? null)
            : phaseAmps === null
              ? null
              : clampAmps(phaseAmps, node.breaker.phaseAmps, "phaseAmps", clamp),
      };
      const panelCaps = { ...overrides.panelCaps };
      if (cap.capKw === null && cap.phaseAmps === null) delete panelCaps[panel];
      else panelCaps[panel] = cap;
      return {
        overrides: { ...overrides, panelCaps },
        result: accepted(requestId, { panel, ...cap }, clamp, at),
      };
    }
  }
}

function findPanel(config: SiteConfig, id: string) {
  const stack = [...config.panels];
  for (let panel = stack.pop(); panel !== undefined; panel = stack.pop()) {
    if (panel.id === id) return panel;
    stack.push(...panel.children);
  }
  return undefined;
}
