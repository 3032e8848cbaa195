/**
 * What an operator's view of one site holds, folded from the contract's retained panel budgets and
 * statuses and its error reports. Pure: the MQTT side (watch-site.ts) only feeds events in.
 */
import type {
  ContractIssue,
  ErrorReport,
  PanelBudget,
  PanelStatus,
  TopicMessage,
} from "@smart-charge/contracts";
import type { SiteLayout } from "./site-layout.js";

export interface PanelView {
  panel: string;
  /** The latest budget the site-master issued for this panel (highest sequence). */
  budget?: PanelBudget;
  /** The latest status the panel's engine published (latest publishedAt). */
  status?: PanelStatus;
}

/** A message on the site's topics that broke the contract; shown, so a broken publisher is noticed. */
export interface RefusedMessage {
  topic: string;
  error: ContractIssue;
}

export interface SiteViewState {
  site: string;
  /** Parent/child structure from the site configuration; panels not in it are shown at the top level. */
  layout?: SiteLayout;
  panels: Readonly<Record<string, PanelView>>;
  /** Most recent error reports of the site, oldest first, at most MAX_ERRORS. */
  errors: readonly ErrorReport[];
  /** Most recent refused messages, oldest first, at most MAX_ERRORS. */
  refused: readonly RefusedMessage[];
}

/** Only the latest few matter on a terminal; the errors topic itself is the full record. */
export const MAX_ERRORS = 5;

/** What watch-site.ts hands to the fold: a decoded message, a cleared retained topic, or a refusal. */
export type SiteViewEvent =
  | { type: "message"; message: TopicMessage }
  | { type: "cleared"; kind: "panelBudget" | "panelStatus"; panel: string }
  | { type: "refused"; topic: string; error: ContractIssue };

export function emptySiteViewState(site: string, layout?: SiteLayout): SiteViewState {
  return { site, ...(layout === undefined ? {} : { layout }), panels: {}, errors: [], refused: [] };
}

function latest<T>(list: readonly T[], item: T): readonly T[] {
  return [...list, item].slice(-MAX_ERRORS);
}

function withPanel(
  state: SiteViewState,
  panel: string,
  change: (view: PanelView) => PanelView,
): SiteViewState {
  const before = state.panels[panel] ?? { panel };
  const after = change(before);
  if (after === before && state.panels[panel] !== undefined) return state;
  return { ...state, panels: { ...state.panels, [panel]: after } };
}

function withoutPart(view: PanelView, part: "budget" | "status"): PanelView {
  const rest = { ...view };
  delete rest[part];
  return rest;
}

/** Folds one event into the view; anything about another site, or older than what is held, is ignored. */
export function applySiteViewEvent(state: SiteViewState, event: SiteViewEvent): SiteViewState {
  if (event.type === "refused") {
    return { ...state, refused: latest(state.refused, { topic: event.topic, error: event.error }) };
  }
  if (event.type === "cleared") {
    const part = event.kind === "panelBudget" ? "budget" : "status";
    const next = withPanel(state, event.panel, (view) => withoutPart(view, part));
    const view = next.panels[event.panel];
    if (view?.budget !== undefined || view?.status !== undefined) return next;
    const panels = { ...next.panels };
    delete panels[event.panel];
    return { ...next, panels };
  }
  const { message } = event;
  if (message.ids.site !== state.site) return state;
  switch (message.kind) {
    case "panelBudget":
      return withPanel(state, message.ids.panel, (view) =>
        // A late redelivery of an older budget must not hide the one in force.
        view.budget !== undefined && view.budget.sequence > message.message.sequence
          ? view
          : { ...view, budget: message.message },
      );
    case "panelStatus":
      return withPanel(state, message.ids.panel, (view) =>
        view.status !== undefined &&
        Date.parse(view.status.publishedAt) > Date.parse(message.message.publishedAt)
          ? view
          : { ...view, status: message.message },
      );
    case "error":
      return { ...state, errors: latest(state.errors, message.message) };
    default:
      return state;
  }
}
