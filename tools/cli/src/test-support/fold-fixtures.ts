import { decodeTopicMessage, topics } from "@smart-charge/contracts";
import {
  applySiteViewEvent,
  emptySiteViewState,
  type SiteViewEvent,
  type SiteViewState,
} from "../view/site-view-state.js";
import type { SiteLayout } from "../view/site-layout.js";
import { fixtureSite } from "./site-fixtures.js";

/** Decodes a message as watchSite does, so unit tests fold exactly what arrives over MQTT. */
export function received(topic: string, message: unknown): SiteViewEvent {
  const decoded = decodeTopicMessage(topic, JSON.stringify(message));
  if (!decoded.ok)
    throw new Error(`fixture breaks the contract: ${decoded.error.field}: ${decoded.error.message}`);
  return { type: "message", message: decoded.value };
}

export function foldAll(state: SiteViewState, events: readonly SiteViewEvent[]): SiteViewState {
  return events.reduce(applySiteViewEvent, state);
}

/** The fixture site with every budget and status folded in. */
export function fixtureState(site: string, layout?: SiteLayout): SiteViewState {
  const { budgets, statuses } = fixtureSite(site);
  return foldAll(emptySiteViewState(site, layout), [
    ...budgets.map((b) => received(topics.panelBudget(site, b.panel), b)),
    ...statuses.map((s) => received(topics.panelStatus(site, s.panel), s)),
  ]);
}
