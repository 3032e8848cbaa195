import { panelBudgetSchema, type PanelBudget } from "@smart-charge/contracts";
import { NO_OVERRIDES, overridesSchema, type Overrides } from "../core/overrides.js";
import type { RestoredState } from "../core/site-master-core.js";

/** The stored fields, as strings (a Redis hash, or the in-memory stand-in). */
export type StoredFields = Record<string, string>;

export const OVERRIDES_FIELD = "overrides";
export const SEQUENCE_FIELD = "sequence";
export const BUDGET_FIELD_PREFIX = "budget:";

export function budgetFields(budgets: readonly PanelBudget[], lastSequence: number): StoredFields {
  const fields: StoredFields = { [SEQUENCE_FIELD]: String(lastSequence) };
  for (const budget of budgets) fields[`${BUDGET_FIELD_PREFIX}${budget.panel}`] = JSON.stringify(budget);
  return fields;
}

/** Reads what was stored; a field that does not parse is skipped (and named) rather than trusted. */
export function restoreState(fields: StoredFields, onBadField: (field: string) => void): RestoredState {
  let overrides: Overrides = NO_OVERRIDES;
  const rawOverrides = fields[OVERRIDES_FIELD];
  if (rawOverrides !== undefined) {
    const parsed = overridesSchema.safeParse(parseJson(rawOverrides));
    if (parsed.success) overrides = parsed.data;
    else onBadField(OVERRIDES_FIELD);
  }
  const sequence = Number(fields[SEQUENCE_FIELD] ?? 0);
  const budgets: PanelBudget[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!field.startsWith(BUDGET_FIELD_PREFIX)) continue;
    const parsed = panelBudgetSchema.safeParse(parseJson(value));
    if (parsed.success) budgets.push(parsed.data);
    else onBadField(field);
  }
  return { overrides, lastSequence: Number.isSafeInteger(sequence) ? sequence : 0, budgets };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
