/**
 * The live tree of a site as text lines: panels (nested as the site configuration says) with budget,
 * allocation, demand, minimum, strategy, leader and freshness; under each, its sessions with the power
 * they got and what held them there. Pure: the clock and the terminal width are passed in.
 */
import type { SessionAllocation } from "@smart-charge/contracts";
import { DEFAULT_STALE_AFTER_MS, panelHealth } from "./panel-health.js";
import { flattenPanelTree, panelTree, type PanelNode } from "./panel-order.js";
import type { SiteViewState } from "./site-view-state.js";
import { drawTree, fit, wrapFields, type TextNode } from "./text-tree.js";
import { age, clockTime, kw, reasonWords, STRATEGY_WORDS } from "./words.js";
import { problemLines } from "./render-problems.js";

export interface RenderOptions {
  /** Milliseconds since the epoch: ages and expiry are judged against it. */
  now: number;
  /** Terminal columns; no line is longer. */
  width: number;
  /** A status older than this is flagged STALE. */
  staleAfterMs?: number;
}

export function panelFields(node: PanelNode, now: number, staleAfterMs: number): string[] {
  const { budget, status } = node.view;
  const health = panelHealth(node.view, now, staleAfterMs);
  const fields = [node.panel];
  if (budget === undefined && status === undefined) return [...fields, "(configured, not heard from yet)"];
  if (budget !== undefined) fields.push(`budget ${kw(budget.totalKw)}`);
  else if (status?.budgetKw !== undefined) fields.push(`budget ${kw(status.budgetKw)}`);
  else fields.push("no budget from the site-master");
  if (health.budgetInForceKw !== undefined) fields.push(`(${kw(health.budgetInForceKw)} in force)`);
  if (health.budgetExpired && budget?.expiresAt !== undefined)
    fields.push(`BUDGET EXPIRED ${age(now - Date.parse(budget.expiresAt))} ago`);
  if (status === undefined) return [...fields, "no status from its panel-engine yet"];
  fields.push(
    `allocated ${kw(status.allocatedKw)}`,
    `demand ${kw(status.demandKw)}`,
    `minimum ${kw(status.minimumKw)}`,
  );
  if (status.strategy !== undefined) fields.push(STRATEGY_WORDS[status.strategy]);
  fields.push(
    status.leader === null
      ? "NO ACTIVE ENGINE"
      : `leader ${status.leader.instanceId} (epoch ${status.leader.epoch})`,
  );
  const updated = `updated ${age(health.statusAgeMs ?? 0)} ago`;
  fields.push(health.statusStale ? `STALE: ${updated}` : updated);
  return fields;
}

function sessionNodes(sessions: readonly SessionAllocation[]): TextNode[] {
  const sorted = [...sessions].sort(
    (a, b) => a.chargerId.localeCompare(b.chargerId) || a.connectorId - b.connectorId,
  );
  const labels = sorted.map((s) => `${s.chargerId} #${s.connectorId}`);
  const labelWidth = Math.max(0, ...labels.map((l) => [...l].length));
  const powers = sorted.map((s) => kw(s.allocatedKw));
  const powerWidth = Math.max(0, ...powers.map((p) => p.length));
  return sorted.map((session, index) => ({
    lines: (width) => {
      const label = (labels[index] ?? "").padEnd(labelWidth);
      const power = (powers[index] ?? "").padStart(powerWidth);
      return [fit(`${label}  ${power}  ${reasonWords(session)}`, width)];
    },
    children: [],
  }));
}

function panelNode(node: PanelNode, now: number, staleAfterMs: number): TextNode {
  return {
    lines: (width) => wrapFields(panelFields(node, now, staleAfterMs), width - 1),
    children: [
      ...sessionNodes(node.view.status?.sessions ?? []),
      ...node.children.map((child) => panelNode(child, now, staleAfterMs)),
    ],
  };
}

function headline(state: SiteViewState, roots: readonly PanelNode[], now: number): string[] {
  const views = Object.values(state.panels);
  const sessions = views.reduce((n, v) => n + (v.status?.sessions.length ?? 0), 0);
  const allocated = views.reduce((sum, v) => sum + (v.status?.allocatedKw ?? 0), 0);
  const panels = flattenPanelTree(roots).length;
  return [
    `Site ${state.site}`,
    `${panels} panel${panels === 1 ? "" : "s"}`,
    `${sessions} session${sessions === 1 ? "" : "s"}`,
    `${kw(allocated)} allocated`,
    clockTime(now),
  ];
}

export function renderTree(state: SiteViewState, options: RenderOptions): string[] {
  const { now, width } = options;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const roots = panelTree(state);
  const head = wrapFields(headline(state, roots, now), width, " · ").map((line) => fit(line, width));
  const body =
    roots.length === 0
      ? [fit(`No panel of site ${state.site} has published a budget or status yet.`, width)]
      : drawTree(
          roots.map((root) => panelNode(root, now, staleAfterMs)),
          width,
        );
  return [...head, "", ...body, ...problemLines(state, width)];
}
